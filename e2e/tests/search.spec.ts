import { expect, test, type Browser, type Page } from '@playwright/test';
import type { ApiClient } from '@draftroom/server/testing';
import { serverForSpec } from '../fixtures/guideSpec.ts';
import { tr } from '../fixtures/locales.ts';
import { expectConnected, openGuideAs, openPageAs } from '../fixtures/people.ts';
import { expectNoAxeViolations, switchLanguage } from '../fixtures/pages.ts';
import { keepShots } from '../fixtures/shots.ts';

// Issue 13, search: a participant types a phrase; a moment later the organiser searches for it
// (without its accents), finds it marked in its block, and the hit opens the guide right there.
// Then in Arabic: words typed with hamza and teh marbuta are found typed without them.
const spec = serverForSpec();

/** A browser signed in as `person`, with the cookie their own join set. */
async function browserOf(browser: Browser, person: ApiClient, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const [name = '', value = ''] = person.cookie.split('=');
  await context.addCookies([{ name, value, url }]);
  return context.newPage();
}

/** Searches from the box, reloading until the index has caught up with the last edit. */
async function searchUntilFound(page: Page, label: string, words: string, hits: number) {
  const box = page.getByRole('searchbox', { name: label });
  await box.fill(words);
  // The words go into the address once typing pauses; a reload searches them again.
  await expect(page).toHaveURL(/\?q=/);
  const results = page.locator('.search-hit');
  await expect(async () => {
    if ((await results.count()) === 0) await page.reload();
    await expect(results).toHaveCount(hits, { timeout: 1_500 });
  }).toPass({ timeout: 15_000 });
}

test('a phrase typed a moment before is found, marked, and opens the guide at its block', async ({
  browser,
}, testInfo) => {
  const guideId = await spec.server.createGuide('Coastal group');
  const amina = await openGuideAs(browser, spec.server, guideId, 'Amina Diallo');
  spec.people.push(amina);
  await amina.editor.click();
  await amina.page.keyboard.type('Opening remarks');
  await amina.page.keyboard.press('Enter');
  await amina.page.keyboard.type('Agenda');
  await amina.page.keyboard.press('Enter');
  await amina.page.keyboard.type('The migration corridors cross the Méditerranée twice a year.');

  const page = await browserOf(browser, spec.server.organiser, spec.server.url);
  await page.goto(`${spec.server.url}/`);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Search' })
    .click();
  await expect(page).toHaveURL(/\/search$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search the guides');

  await searchUntilFound(page, 'Words to find', 'mediterranee corrid', 1);
  const hit = page.locator('.search-hit').first();
  await expect(hit.getByRole('link', { name: 'Coastal group' })).toBeVisible();
  await expect(hit.locator('mark')).toHaveText(['corridors', 'Méditerranée']);
  await expect(page.getByRole('status').filter({ hasText: /^1 result$/ })).toBeVisible();
  await expect(page).toHaveURL(/\?q=mediterranee\+corrid$/);
  await expectNoAxeViolations(page, 'search results, English');
  await keepShots(page, testInfo, 'search-en');

  // Hostile input is only words: nothing found, no error.
  await page.getByRole('searchbox', { name: 'Words to find' }).fill('NEAR( "*');
  await expect(page.getByText('Nothing found for “NEAR( "*”.')).toBeVisible();

  // Keyboard: back to the words, down to the hit, Enter opens the guide at the block found.
  await page.getByRole('searchbox', { name: 'Words to find' }).fill('migration');
  await expect(page.locator('.search-hit')).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Words to find' }).press('ArrowDown');
  await expect(hit.getByRole('link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/g/${guideId}\\?block=2$`));
  const found = page.locator('.guide-editor__found');
  // (Contains: Amina's caret label is drawn inside the block she wrote.)
  await expect(found).toContainText('The migration corridors cross the Méditerranée twice a year.');
  await expect(found).toBeInViewport();
  await expect(page.getByRole('textbox', { name: 'Guide text' })).toBeFocused();
  // The highlight is brief.
  await expect(found).toHaveCount(0, { timeout: 5_000 });
  await page.context().close();
});

test('Arabic words are found without their hamza or teh marbuta, right to left', async ({
  browser,
}, testInfo) => {
  const guideId = await spec.server.createGuide('المجموعة العربية');
  const bashir = await openPageAs(
    browser,
    spec.server.url,
    spec.server.inviteFor(guideId),
    `/g/${guideId}`,
    'بشير حداد',
    { preferredLanguage: 'ar' },
  );
  bashir.editor = bashir.page.getByRole('textbox', { name: tr('ar', 'editor.label') });
  spec.people.push(bashir);
  await expectConnected(bashir);
  await bashir.editor.click();
  await bashir.page.keyboard.type('إعلان المؤتمر الدولي للبرلمانات في المدرسة');

  const page = await browserOf(browser, spec.server.organiser, spec.server.url);
  await page.goto(`${spec.server.url}/search`);
  await switchLanguage(page, 'ar');
  await searchUntilFound(page, tr('ar', 'search.label'), 'اعلان المدرسه', 1);
  const snippet = page.locator('.search-hit__snippet');
  await expect(snippet).toHaveAttribute('dir', 'auto');
  await expect(snippet.locator('mark')).toHaveText(['إعلان', 'المدرسة']);
  await expect(
    page.getByRole('status').filter({ hasText: tr('ar', 'search.count_one', { count: '1' }) }),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'search results, Arabic');
  await keepShots(page, testInfo, 'search-ar');
  await switchLanguage(page, 'en');
  await page.context().close();
});
