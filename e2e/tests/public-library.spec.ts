import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { joinAs } from '../fixtures/people.ts';
import { expectNoAxeViolations, switchLanguage } from '../fixtures/pages.ts';
import { ServerProcess } from '../fixtures/server.ts';
import { keepShots } from '../fixtures/shots.ts';

// Issue 17, the public library: until the organiser publishes it, its address says it is not
// published; once published, with one approved practice marked public, a browser that never
// signed in sees that one (without its contact) and not another approved practice left private.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

let server: ServerProcess;
const contexts: BrowserContext[] = [];
let organiser: Page;
let visitor: Page;
let publicPath = '';
const ids = { shown: '', hidden: '' };

const doc = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/** An approved practice, made through the API as the organiser's screens would. */
async function approved(title: string, parliament: string, country: string): Promise<string> {
  const practice = await server.organiser.expect<{ id: string; revision: number }>(
    201,
    'POST',
    '/api/practices',
    {
      title,
      parliament,
      country,
      audiences: ['parliamentary-websites'],
      topics: ['open-data'],
      summary: `${title}: what was done and learned.`,
      whatWasDone: doc('Every bill is published as open data.'),
      results: doc('Journalists reuse the data weekly.'),
      lessons: doc('Start with one data set.'),
      contact: { name: 'Kofi Boateng', email: 'kofi@parliament.example' },
      links: [],
      languages: ['en', 'fr'],
    },
  );
  await server.organiser.expect(200, 'POST', `/api/practices/${practice.id}/review`, {
    revision: practice.revision,
    to: 'approved',
  });
  return practice.id;
}

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  server = await ServerProcess.start();
  ids.shown = await approved('Bills as open data', 'Parliament of Ghana', 'GH');
  ids.hidden = await approved('Internal staff handbook', 'Parlamento de Chile', 'CL');
  ({ publicPath } = await server.organiser.expect<{ publicPath: string }>(
    200,
    'GET',
    '/api/library/settings',
  ));
  const joined = await joinAs(browser, server.url, server.link('organiser'), 'Oksana Petrenko');
  contexts.push(joined.context);
  organiser = joined.page;
  // Someone who never signed in: a fresh context, no cookies.
  const anonymous = await browser.newContext();
  contexts.push(anonymous);
  visitor = await anonymous.newPage();
});
test.afterAll(async () => {
  for (const context of contexts) await context.close();
  await server.dispose();
});

test('before publishing, the public address says the library is not published', async () => {
  await visitor.goto(`${server.url}${publicPath}`);
  await expect(
    visitor.getByText('This library is not published, or its address is wrong.'),
  ).toBeVisible();
  await expectNoAxeViolations(visitor, 'public library, not published');
});

test('the organiser publishes the library and makes one practice public', async () => {
  await organiser.goto(`${server.url}/library`);
  const publishing = organiser.getByRole('region', { name: 'Publish the library' });
  await publishing.getByRole('button', { name: 'Publish the library' }).click();
  await expect(publishing.getByText('The library is published.')).toBeVisible();
  await expect(publishing.getByLabel('Public address of the library')).toHaveValue(
    `${server.url}${publicPath}`,
  );
  await organiser.goto(`${server.url}/library/${ids.shown}`);
  const publicSwitch = organiser.getByRole('switch', { name: 'Show on the public library' });
  await expect(publicSwitch).not.toBeChecked();
  await publicSwitch.check();
  await expect(organiser.getByText('The practice is on the public library.')).toBeVisible();
  await expect(publicSwitch).toBeChecked();
});

test('a browser never signed in sees the public practice only, without its contact', async () => {
  const testInfo = test.info();
  await visitor.goto(`${server.url}${publicPath}`);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Good-practice library');
  // The demo conference's own public practices are there too; ours is among them, the private
  // one is not.
  const cards = visitor.locator('.practice-card');
  const ours = cards.filter({ hasText: 'Bills as open data' });
  await expect(ours).toHaveCount(1);
  await expect(visitor.getByText('Internal staff handbook')).toHaveCount(0);

  // The search and filters run in the browser.
  await visitor.getByRole('searchbox', { name: 'Search titles and summaries' }).fill('handbook');
  await expect(cards).toHaveCount(0);
  await expect(visitor.getByRole('status').filter({ hasText: '0 practices' })).toBeVisible();
  await visitor.getByRole('searchbox', { name: 'Search titles and summaries' }).fill('open dat');
  await expect(ours).toHaveCount(1);
  await visitor.getByLabel('Region').selectOption({ label: 'Europe' });
  await expect(ours).toHaveCount(0);
  await visitor.getByRole('button', { name: 'Clear filters' }).click();
  await expect(ours).toHaveCount(1);
  await expectNoAxeViolations(visitor, 'public library');
  await keepShots(visitor, testInfo, 'public-index-en');

  await ours.getByRole('link', { name: 'Bills as open data' }).click();
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Bills as open data');
  await expect(visitor.getByTestId('practice-whatWasDone')).toContainText('open data');
  await expect(visitor.locator('body')).not.toContainText('Kofi Boateng');
  await expect(visitor.locator('body')).not.toContainText('kofi@parliament.example');
  await expectNoAxeViolations(visitor, 'public practice');
  await keepShots(visitor, testInfo, 'public-practice-en');

  // The private one, by its address: not there.
  await visitor.goto(`${server.url}${publicPath}/${ids.hidden}`);
  await expect(
    visitor.getByText('This practice is not on a published library, or its address is wrong.'),
  ).toBeVisible();
  await expect(visitor.locator('body')).not.toContainText('Internal staff handbook');

  // The language menu works without signing in: the same pages in Arabic.
  await visitor.goto(`${server.url}${publicPath}/${ids.shown}`);
  await switchLanguage(visitor, 'ar');
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Bills as open data');
  await expectNoAxeViolations(visitor, 'public practice (ar)');
  await keepShots(visitor, testInfo, 'public-practice-ar');
  await visitor.goto(`${server.url}${publicPath}`);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('مكتبة الممارسات الجيدة');
  await expectNoAxeViolations(visitor, 'public library (ar)');
  await keepShots(visitor, testInfo, 'public-index-ar');
});
