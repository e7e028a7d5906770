import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  ApiClient,
  createCoCreationSession,
  createGroup,
  createInvite,
} from '@draftroom/server/testing';
import { joinAs } from '../fixtures/people.ts';
import { ServerProcess } from '../fixtures/server.ts';

// An unbroken 80-character name (the longest the form takes) wraps or is cut short with the whole
// name still available, wherever names appear: group cards, the People table, "Who is here" and
// the person chip. Measured as boxes, at desktop size.
const longName = 'Maximilianaaugustinaalexandrinawilhelminakonstantinafriederikeeleonoraviktoriaaa';

let server: ServerProcess;
let sessionId: string;
let guideId: string;
let longNamed: ApiClient;

test.beforeAll(async () => {
  expect(longName).toHaveLength(80);
  server = await ServerProcess.start();
  const session = await createCoCreationSession(server.organiser, 'Long names workshop');
  sessionId = session.id;
  const first = await createGroup(server.organiser, session.id, 'First group');
  await createGroup(server.organiser, session.id, 'Second group');
  guideId = first.guideId;
  const invite = await createInvite(server.organiser, 'participant', {
    type: 'group',
    id: first.id,
  });
  longNamed = await ApiClient.join(server.url, invite.joinPath, {
    displayName: longName,
    parliament: 'Parliament of Testland',
    country: 'KE',
    preferredLanguage: 'en',
  });
});
test.afterAll(async () => {
  await server.dispose();
});

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not on screen');
  return found;
}

/** `inner` ends within `outer` (both inline directions, left-to-right here). */
async function expectInside(inner: Locator, outer: Locator) {
  const a = await box(inner);
  const b = await box(outer);
  expect(a.x).toBeGreaterThanOrEqual(b.x - 0.5);
  expect(a.x + a.width).toBeLessThanOrEqual(b.x + b.width + 0.5);
}

async function expectNoSideways(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test('a long name stays inside its group card, the People table and the presence list', async ({
  browser,
}) => {
  const organiser = await joinAs(browser, server.url, server.link('organiser'), 'Olga Organiser');
  const page = organiser.page;
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.goto(`${server.url}/sessions/${sessionId}`);
  const card = page.getByTestId('group-card').filter({ hasText: 'First group' });
  const name = card.getByText(longName);
  await expect(name).toBeVisible();
  await expectInside(name, card);
  await expectNoSideways(page);

  await page.goto(`${server.url}/organise/people`);
  const table = page.getByRole('table');
  await expect(table.getByRole('rowheader', { name: longName })).toBeVisible();
  expect((await box(table)).width).toBeLessThanOrEqual(1280);
  for (const header of ['Role', 'Actions']) {
    const cell = table.getByRole('columnheader', { name: header });
    expect((await box(cell)).x + (await box(cell)).width).toBeLessThanOrEqual(1280);
  }
  await expectNoSideways(page);
  await organiser.context.close();

  // The long-named person in their guide: the chip and "Who is here" stay in their boxes, the
  // whole name still there (in a title where it is cut short).
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const [cookieName, cookieValue] = longNamed.cookie.split('=');
  await context.addCookies([{ name: cookieName ?? '', value: cookieValue ?? '', url: server.url }]);
  const own = await context.newPage();
  await own.goto(`${server.url}/g/${guideId}`);
  const chip = own.getByTestId('person-chip');
  await expect(chip).toBeVisible();
  const chipBox = await box(chip);
  expect(chipBox.x + chipBox.width).toBeLessThanOrEqual(1280);
  await expect(chip.locator(`[title="${longName}"]`)).toHaveCount(1);
  const presence = own.getByTestId('presence-person').filter({ hasText: 'Maximilian' });
  await expect(presence).toHaveAttribute('title', longName);
  await expectInside(presence, own.getByRole('complementary'));
  await expectNoSideways(own);
  await context.close();
});
