import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { joinAs } from '../fixtures/people.ts';
import { expectNoAxeViolations, switchLanguage } from '../fixtures/pages.ts';
import { ServerProcess } from '../fixtures/server.ts';
import { keepShots } from '../fixtures/shots.ts';

// Issue 17, the good-practice library: a delegate of Ghana's parliament submits a practice with
// text in a section; the organiser finds it waiting and sends it back with a note; the delegate
// reads the note and changes it; the organiser approves it; another parliament's participant and
// an observer read it (no Edit), and its history lists every version, each opened read-only.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

let server: ServerProcess;
let browserHandle: Browser;
const contexts: BrowserContext[] = [];
let delegate: Page;
let organiser: Page;
let practiceUrl = '';

const title = 'Live captions for plenary sittings';

async function person(
  role: 'participant' | 'observer' | 'organiser',
  name: string,
  profile: { parliament?: string; country?: string } = {},
) {
  const { context, page } = await joinAs(
    browserHandle,
    server.url,
    server.link(role),
    name,
    profile,
  );
  contexts.push(context);
  return page;
}

test.beforeAll(async ({ browser }) => {
  browserHandle = browser;
  server = await ServerProcess.start();
  delegate = await person('participant', 'Ama Mensah', {
    parliament: 'Parliament of Ghana',
    country: 'GH',
  });
  organiser = await person('organiser', 'Oksana Petrenko');
});
test.afterAll(async () => {
  for (const context of contexts) await context.close();
  await server.dispose();
});

test('a delegate submits a practice for her parliament', async () => {
  const testInfo = test.info();
  await delegate.goto(`${server.url}/`);
  await delegate
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Library' })
    .click();
  await expect(delegate.getByRole('heading', { level: 1 })).toHaveText('Good-practice library');
  // She typed her parliament in joining: until the organisers confirm it, the page says so.
  const unconfirmed = delegate.getByTestId('parliament-unconfirmed');
  await expect(unconfirmed).toContainText('not confirmed that you speak for');
  await expect(unconfirmed).toContainText('Parliament of Ghana');
  await delegate.getByRole('link', { name: 'Submit a practice' }).click();
  await expect(delegate.getByRole('heading', { level: 1 })).toHaveText('Submit a practice');
  // Her parliament comes from her record, read-only.
  await expect(delegate.getByLabel('Parliament', { exact: true })).toHaveValue(
    'Parliament of Ghana',
  );
  await expect(delegate.getByLabel('Parliament', { exact: true })).toHaveAttribute('readonly', '');

  // Sent empty: the first problem is focused and said in words.
  await delegate.getByRole('button', { name: 'Submit the practice' }).click();
  await expect(delegate.getByLabel('Title')).toBeFocused();
  await expect(delegate.getByText('Fill this in.').first()).toBeVisible();

  await delegate.getByLabel('Title').fill(title);
  await delegate.getByRole('checkbox', { name: 'Communications' }).check();
  await delegate.getByRole('checkbox', { name: 'Accessibility' }).check();
  await delegate.getByLabel('Summary').fill('Every sitting is captioned live in two languages.');
  await delegate.getByRole('textbox', { name: 'What was done' }).click();
  await delegate.keyboard.type('Stenographers caption each sitting as it happens.');
  await delegate.getByRole('button', { name: 'Add a link' }).click();
  await expect(delegate.getByLabel('Label of link 1')).toBeFocused();
  await delegate.getByLabel('Label of link 1').fill('Captions policy');
  await delegate.getByLabel('Address of link 1').fill('javascript:alert(1)');
  await delegate.getByRole('button', { name: 'Submit the practice' }).click();
  await expect(
    delegate.getByText('Enter a web address starting with https:// or http://.'),
  ).toBeVisible();
  await expect(delegate.getByLabel('Label of link 1')).toBeFocused();
  await delegate.getByLabel('Address of link 1').fill('https://parliament.gh.example/captions');
  await expectNoAxeViolations(delegate, 'practice form');
  await keepShots(delegate, testInfo, 'practice-form-en');
  await delegate.getByRole('button', { name: 'Submit the practice' }).click();

  await expect(delegate.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(
    delegate.getByRole('status').filter({ hasText: 'The practice was submitted' }),
  ).toBeVisible();
  await expect(delegate.locator('.practice-page__status')).toContainText('Waiting for review');
  await expect(delegate.getByTestId('practice-whatWasDone')).toContainText('Stenographers caption');
  practiceUrl = delegate.url();
});

test('the organiser confirms her parliament from the people page', async () => {
  const testInfo = test.info();
  await organiser.goto(`${server.url}/organise/people`);
  const row = organiser.getByRole('row').filter({ hasText: 'Ama Mensah' });
  await expect(row).toContainText('Declared by them');
  await row.getByRole('button', { name: 'Confirm the parliament of Ama Mensah' }).click();
  await expect(
    organiser.getByRole('status').filter({ hasText: "Ama Mensah's parliament is confirmed" }),
  ).toBeVisible();
  await expect(row).toContainText('Confirmed');
  await expect(row.getByRole('button', { name: /Confirm the parliament/ })).toHaveCount(0);
  await expectNoAxeViolations(organiser, 'people, a parliament confirmed');
  await keepShots(organiser, testInfo, 'people-confirmed-en');
  await delegate.goto(`${server.url}/library`);
  await expect(delegate.getByRole('heading', { level: 1 })).toHaveText('Good-practice library');
  await expect(delegate.getByTestId('parliament-unconfirmed')).toHaveCount(0);
  // Her profile says that changing her parliament would need the organisers again.
  await delegate.getByTestId('person-chip').getByRole('button', { name: 'Profile' }).click();
  const profile = delegate.getByRole('dialog', { name: 'Your profile' });
  await expect(profile.getByTestId('parliament-confirmed-note')).toContainText(
    'If you change them, they confirm them again',
  );
  await delegate.keyboard.press('Escape');
  await expect(profile).toBeHidden();
});

test('the organiser finds it waiting and asks for a change', async () => {
  const testInfo = test.info();
  await organiser.goto(`${server.url}/library`);
  await organiser.getByLabel('Status').selectOption({ label: 'Waiting for review' });
  await expect(organiser).toHaveURL(/status=submitted/);
  // Only practices waiting for review (the demo's own among them), and the count says how many.
  const cards = organiser.locator('.practice-card');
  const card = cards.filter({ hasText: title });
  await expect(card).toHaveCount(1);
  // The earlier list stays on screen until the filtered one comes: wait for it to settle.
  await expect(cards.filter({ hasNotText: 'Waiting for review' })).toHaveCount(0);
  const shown = await cards.count();
  await expect(
    organiser.getByRole('status').filter({ hasText: `${shown} practice${shown === 1 ? '' : 's'}` }),
  ).toBeVisible();
  await expect(card).toContainText('Waiting for review');
  await expect(card).toContainText('Ghana');
  await expectNoAxeViolations(organiser, 'library (organiser)');
  await keepShots(organiser, testInfo, 'library-en');
  await card.getByRole('link', { name: title }).click();

  // The note is required: sent empty, it says so and keeps focus there.
  await organiser.getByRole('button', { name: 'Request changes' }).click();
  await expect(organiser.getByText('Say what should change.')).toBeVisible();
  await expect(organiser.getByLabel('What should change')).toBeFocused();
  await organiser.getByLabel('What should change').fill('Please add the results you measured.');
  await organiser.getByRole('button', { name: 'Request changes' }).click();
  await expect(organiser.getByText('The practice was sent back with your note.')).toBeVisible();
  await expect(organiser.locator('.practice-page__status')).toContainText('Changes requested');
});

test('the delegate reads the note and changes the practice', async () => {
  await delegate.goto(practiceUrl);
  const note = delegate.getByRole('note');
  await expect(note).toContainText('The organisers asked for changes');
  await expect(note).toContainText('Please add the results you measured.');
  await delegate.getByRole('link', { name: 'Edit the practice' }).click();
  await expect(delegate.getByLabel('Title')).toHaveValue(title);
  await delegate.getByRole('textbox', { name: 'Results' }).click();
  await delegate.keyboard.type('Complaints about access fell by half.');
  await delegate.getByRole('button', { name: 'Save changes' }).click();
  await expect(delegate.getByText('Your changes were saved.')).toBeVisible();
  await expect(delegate.locator('.practice-page__status')).toContainText('Waiting for review');
  await expect(delegate.getByTestId('practice-results')).toContainText('fell by half');
});

test('the organiser approves it', async () => {
  const testInfo = test.info();
  await organiser.goto(practiceUrl);
  await expect(organiser.getByTestId('practice-results')).toContainText('fell by half');
  await organiser.getByRole('button', { name: 'Approve' }).click();
  await expect(organiser.getByText('The practice was approved.')).toBeVisible();
  await expect(organiser.locator('.practice-page__status')).toContainText('Approved');
  await expect(organiser.getByRole('switch', { name: 'Show on the public library' })).toBeVisible();
  await expectNoAxeViolations(organiser, 'practice (organiser)');
  await keepShots(organiser, testInfo, 'practice-en');
});

test('another parliament and an observer read it, without Edit', async () => {
  const other = await person('participant', 'Moussa Ndiaye', {
    parliament: 'Assemblée nationale du Sénégal',
    country: 'SN',
  });
  const observer = await person('observer', 'Olivier Martin');
  for (const page of [other, observer]) {
    await page.goto(`${server.url}/library`);
    const card = page.locator('.practice-card').filter({ hasText: title });
    await expect(card).toBeVisible();
    await expect(card).not.toContainText('Approved');
    await card.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByTestId('practice-whatWasDone')).toContainText('Stenographers');
    await expect(page.getByText('Captions policy')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Edit the practice' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  }
  // Searching finds it, the words marked from the server's offsets.
  await other.goto(`${server.url}/library`);
  await other.getByRole('searchbox', { name: 'Search the library' }).fill('stenograph');
  await expect(other).toHaveURL(/q=stenograph/);
  await expect(other.locator('.practice-card mark')).toHaveText(['Stenographers']);
});

test('the history lists every version and opens one', async () => {
  const testInfo = test.info();
  await organiser.goto(practiceUrl);
  const history = organiser.locator('.practice-history__item');
  await expect(history).toHaveCount(4);
  await expect(history.nth(0)).toContainText('Approved');
  await expect(history.nth(1)).toContainText('Updated');
  await expect(history.nth(2)).toContainText('Changes requested');
  await expect(history.nth(2)).toContainText('Please add the results you measured.');
  await expect(history.nth(3)).toContainText('Submitted');
  await expect(history.nth(3)).toContainText('Ama Mensah');
  await history.nth(3).getByRole('button', { name: 'Show version 1' }).click();
  const version = organiser.getByRole('region', { name: 'Version 1' });
  await expect(version.getByTestId('practice-whatWasDone')).toContainText('Stenographers');
  await expect(version.getByTestId('practice-results')).not.toContainText('fell by half');

  // The same pages in Arabic, laid out right to left.
  await switchLanguage(organiser, 'ar');
  await keepShots(organiser, testInfo, 'practice-ar');
  await organiser.goto(`${server.url}/library`);
  await expect(organiser.locator('.practice-card').filter({ hasText: title })).toHaveCount(1);
  await keepShots(organiser, testInfo, 'library-ar');
  await organiser.goto(`${practiceUrl}/edit`);
  await expect(organiser.locator('.practice-form')).toBeVisible();
  await keepShots(organiser, testInfo, 'practice-form-ar');
  await switchLanguage(organiser, 'en');
});
