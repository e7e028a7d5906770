import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import {
  createCoCreationSession,
  createGroup,
  createInvite,
  type ApiClient,
} from '@draftroom/server/testing';
import { serverForSpec } from '../fixtures/guideSpec.ts';
import { tr } from '../fixtures/locales.ts';
import { openGuideAs } from '../fixtures/people.ts';
import { expectNoAxeViolations, switchLanguage } from '../fixtures/pages.ts';
import { keepShots } from '../fixtures/shots.ts';

// Issue 13, the organisers' dashboard: "compare two guides side by side". Two groups of one
// session write their guides in the real editor (one with an Arabic paragraph set right to
// left); the organiser goes from the session page to the comparison with the keyboard alone,
// reads both side by side, each block in its own direction, then the differences word by word.
const spec = serverForSpec();

/** A browser signed in as `person`, with the cookie their own join set. */
async function browserOf(browser: Browser, person: ApiClient, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const [name = '', value = ''] = person.cookie.split('=');
  await context.addCookies([{ name, value, url }]);
  return context.newPage();
}

/** The guide's text as the server reads it now (what the comparison will show). */
async function storedText(guideId: string): Promise<string> {
  const { content } = await spec.server.organiser.expect<{ content: unknown }>(
    200,
    'GET',
    `/api/guides/${guideId}/content`,
  );
  return JSON.stringify(content);
}

test('an organiser compares two groups’ guides side by side and as differences', async ({
  browser,
}, testInfo) => {
  const { organiser, url } = spec.server;
  const session = await createCoCreationSession(organiser, 'Oversight workshop');
  const coastal = await createGroup(organiser, session.id, 'Coastal group');
  const mountain = await createGroup(organiser, session.id, 'Mountain group');
  const writerOf = async (group: { id: string; guideId: string }, name: string) => {
    const invite = await createInvite(organiser, 'participant', { type: 'group', id: group.id });
    const person = await openGuideAs(
      browser,
      { url, inviteFor: () => `${url}${invite.joinPath}` },
      group.guideId,
      name,
    );
    spec.people.push(person);
    return person;
  };

  const alice = await writerOf(coastal, 'Alice Moreau');
  await alice.editor.click();
  await alice.page.keyboard.press('Control+Alt+2');
  await alice.page.keyboard.type('Hearings');
  await alice.page.keyboard.press('Enter');
  await alice.page.keyboard.type('Committees hold public hearings every month.');
  await alice.page.keyboard.press('Enter');
  await alice.page.keyboard.type('تعقد اللجان جلسات استماع علنية');
  await alice.page.getByRole('button', { name: 'Right to left' }).click();
  // The other group has a section first that the first group has not.
  const bashir = await writerOf(mountain, 'Bashir Haddad');
  await bashir.editor.click();
  await bashir.page.keyboard.press('Control+Alt+2');
  await bashir.page.keyboard.type('Budget');
  await bashir.page.keyboard.press('Enter');
  await bashir.page.keyboard.type('Budgets are published.');
  await bashir.page.keyboard.press('Enter');
  await bashir.page.keyboard.press('Control+Alt+2');
  await bashir.page.keyboard.type('Hearings');
  await bashir.page.keyboard.press('Enter');
  await bashir.page.keyboard.type('Committees hold private hearings every month.');
  // Stored before the organiser looks (the page reads what the server holds).
  await expect.poll(() => storedText(coastal.guideId)).toContain('"dir":"rtl"');
  await expect.poll(() => storedText(mountain.guideId)).toContain('private hearings');

  // From the session page to the comparison, keyboard only.
  const page = await browserOf(browser, organiser, url);
  await page.goto(`${url}/sessions/${session.id}`);
  const link = page.getByRole('link', { name: 'Compare two groups’ guides' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/compare\?left=.+&right=.+$/);
  // Names typed by people are isolated (FSI … PDI), so an Arabic group name keeps its order.
  const coastalName = '\u2068Coastal group\u2069';
  const mountainName = '\u2068Mountain group\u2069';
  await expect(page).toHaveTitle(`${coastalName} and ${mountainName} compared — Draftroom`);
  await expect(
    page.getByRole('status').filter({ hasText: `Comparing ${coastalName} and ${mountainName}.` }),
  ).toBeVisible();

  // One box per section of each guide (cut at headings, so that headings line up).
  const left = page.getByTestId('compare-left');
  const right = page.getByTestId('compare-right');
  await expect(left).toContainText(['Committees hold public hearings every month.']);
  await expect(right).toContainText(['Committees hold private hearings every month.']);
  await expect(page.getByRole('heading', { level: 2, name: 'Coastal group' })).toBeVisible();
  // Each block keeps its own direction: the Arabic paragraph right to left, the English one not.
  const arabic = left.locator('p', { hasText: 'تعقد اللجان' });
  await expect(arabic).toHaveAttribute('dir', 'rtl');
  expect(await arabic.evaluate((p) => getComputedStyle(p).direction)).toBe('rtl');
  const english = left.locator('p', { hasText: 'Committees' });
  expect(await english.evaluate((p) => getComputedStyle(p).direction)).toBe('ltr');
  // Side by side on a desktop: the second guide's box starts where the first one's ends, on
  // the same line.
  // the same line as the same heading: "Hearings" of both guides level, though the second
  // guide has a "Budget" section before it (beside nothing in the first guide's column).
  const hearings = (side: Locator) => side.getByRole('heading', { name: 'Hearings' });
  const [leftBox, rightBox] = [
    await hearings(left).boundingBox(),
    await hearings(right).boundingBox(),
  ];
  expect(rightBox!.x).toBeGreaterThan(leftBox!.x + leftBox!.width - 1);
  expect(Math.abs(rightBox!.y - leftBox!.y)).toBeLessThan(1);
  const budget = await right.getByRole('heading', { name: 'Budget' }).boundingBox();
  expect(budget!.y).toBeLessThan(leftBox!.y - 20);
  await expectNoAxeViolations(page, 'compare side by side, English');
  await keepShots(page, testInfo, 'compare-side-by-side-en');

  const first = page.getByRole('combobox', { name: 'First guide' });
  await expect(first).toHaveValue(coastal.guideId);
  await expect(page.getByRole('combobox', { name: 'Second guide' })).toHaveValue(mountain.guideId);

  // Differences: the radio button, with the arrow key.
  await page.getByRole('radio', { name: 'Side by side' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Differences' })).toBeChecked();
  await expect(page).toHaveURL(/&mode=differences$/);
  const diff = page.getByTestId('version-diff');
  await expect(diff.locator('ins')).toContainText(['private']);
  await expect(diff.locator('del').first()).toContainText('public');
  await expect(diff.locator('del', { hasText: 'تعقد اللجان' })).toHaveCount(1);
  await expect(page.getByTestId('diff-summary')).toContainText('characters added');
  await expectNoAxeViolations(page, 'compare differences, English');

  // The other way round, chosen with the keyboard in the two selects (type to pick, Tab, Enter).
  await first.focus();
  await page.keyboard.type('Mountain');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Coastal');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Compare' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(
    `${url}/compare?left=${mountain.guideId}&right=${coastal.guideId}&mode=differences`,
  );
  await expect(diff.locator('ins', { hasText: 'public' })).toHaveCount(1);
  await expect(diff.locator('del', { hasText: 'private' })).toHaveCount(1);
  await expect(diff.locator('ins', { hasText: 'تعقد اللجان' })).toHaveCount(1);
  await keepShots(page, testInfo, 'compare-differences-en');

  // In Arabic: the same page, every word translated, right to left, axe clean.
  await switchLanguage(page, 'ar');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr('ar', 'compare.title'));
  await expectNoAxeViolations(page, 'compare differences, Arabic');
  await keepShots(page, testInfo, 'compare-differences-ar');
  await page.getByRole('radio', { name: tr('ar', 'compare.modeSideBySide') }).click();
  await expect(page).not.toHaveURL(/mode=differences/);
  await expect(page.getByTestId('compare-left').first()).toBeVisible();
  await expectNoAxeViolations(page, 'compare side by side, Arabic');
  await keepShots(page, testInfo, 'compare-side-by-side-ar');
  await page.context().close();
});
