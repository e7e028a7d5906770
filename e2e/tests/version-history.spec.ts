import { expect, test, type Page } from '@playwright/test';
import { serverForSpec } from '../fixtures/guideSpec.ts';
import { tr, englishLeftOn, type Language } from '../fixtures/locales.ts';
import {
  expectConnected,
  expectGuideText,
  guideText,
  joinAs,
  openGuideAs,
  typeAtEnd,
  type Person,
} from '../fixtures/people.ts';
import { expectNoAxeViolations } from '../fixtures/pages.ts';
import { keepShots } from '../fixtures/shots.ts';

// Issue 11, version history: a version is saved, edits follow, the diff shows them, and a restore
// brings the text back for everyone, live; restoring the version taken before it undoes it.
// Amina works in English, Bashir in Arabic (right to left).
const spec = serverForSpec();

/** The whole text, exactly (after a restore, "contains" would pass on the text before it). */
async function expectExactly(person: Person, text: string) {
  await expect.poll(async () => (await guideText(person)).trim()).toBe(text);
}

async function openHistory(page: Page, code: Language) {
  const summary = page.locator('summary', { hasText: tr(code, 'history.title') });
  await summary.click();
  await expect(page.locator('.history-panel__details')).toHaveAttribute('open', '');
}

test('save a version, see the edits that follow, restore it for everyone live, then undo', async ({
  browser,
}, testInfo) => {
  const guideId = await spec.server.createGuide('History of a guide');
  const amina = await openGuideAs(browser, spec.server, guideId, 'Amina Diallo');
  const arabic = await joinAs(
    browser,
    spec.server.url,
    spec.server.inviteFor(guideId),
    'بشير حداد',
    {
      preferredLanguage: 'ar',
    },
  );
  await arabic.page.goto(`${spec.server.url}/g/${guideId}`);
  const bashir: Person = {
    name: 'بشير حداد',
    ...arabic,
    editor: arabic.page.getByRole('textbox', { name: tr('ar', 'editor.label') }),
    status: arabic.page.getByTestId('connection-status'),
  };
  spec.people.push(amina, bashir);
  await expectConnected(bashir);
  await expect(bashir.page.locator('html')).toHaveAttribute('dir', 'rtl');

  await amina.editor.click();
  await amina.page.keyboard.type('The committee meets on Monday.');
  await expectGuideText(bashir, 'The committee meets on Monday.');

  // Amina saves a named version; it is announced.
  await openHistory(amina.page, 'en');
  await amina.page.getByLabel('Version name').fill('First draft');
  await amina.page.getByRole('button', { name: 'Save version' }).click();
  await expect(
    amina.page.getByRole('status').filter({ hasText: 'Version “First draft” saved.' }),
  ).toBeVisible();
  await expect(amina.page.getByTestId('history-version')).toHaveCount(1);
  await expect(amina.page.getByTestId('history-version').first()).toContainText('Saved by hand');
  await expect(amina.page.getByTestId('history-version').first()).toContainText('by Amina Diallo');

  // Edits follow, from Bashir: a sentence added, a word changed.
  await typeAtEnd(bashir, ' Bring the report.');
  await expectGuideText(amina, 'The committee meets on Monday. Bring the report.');

  // The diff between the version and the guide now shows them, marked by more than colour.
  await amina.page.getByRole('button', { name: 'Show changes' }).click();
  const diff = amina.page.getByTestId('version-diff');
  await expect(diff.locator('ins')).toHaveText('inserted: Bring the report.');
  await expect(diff.locator('ins')).toHaveCSS('text-decoration-line', 'underline');
  await expect(amina.page.getByTestId('diff-summary')).toHaveText(
    '18 characters added, 0 characters removed.',
  );
  await expectNoAxeViolations(amina.page, 'diff, English');
  await keepShots(amina.page, testInfo, 'history-diff-en');

  // Bashir compares too, in Arabic; then changes a word and looks at the deletion.
  await openHistory(bashir.page, 'ar');
  await expect(bashir.page.getByTestId('history-version')).toHaveCount(1);
  await bashir.editor.click();
  await bashir.page.keyboard.press('ControlOrMeta+End');
  for (let i = 0; i < ' Bring the report.'.length + 'Monday.'.length; i++)
    await bashir.page.keyboard.press('Backspace');
  await bashir.page.keyboard.type('Tuesday. أحضروا التقرير.');
  await expectExactly(amina, 'The committee meets on Tuesday. أحضروا التقرير.');
  await bashir.page.getByRole('button', { name: tr('ar', 'history.compare.submit') }).click();
  const arabicDiff = bashir.page.getByTestId('version-diff');
  await expect(arabicDiff.locator('del')).toHaveText(
    `${tr('ar', 'history.diff.deletedMark')} Monday`,
  );
  await expect(arabicDiff.locator('del')).toHaveCSS('text-decoration-line', 'line-through');
  await expect(arabicDiff.locator('ins')).toContainText('Tuesday. أحضروا التقرير');
  await expect(arabicDiff.locator('ins .visually-hidden').first()).toHaveText(
    `${tr('ar', 'history.diff.insertedMark')} `,
  );
  await expectNoAxeViolations(bashir.page, 'diff, Arabic');
  await keepShots(bashir.page, testInfo, 'history-diff-ar');
  expect(await englishLeftOn(bashir.page, 'ar')).toEqual([]);

  // Amina opens the version read-only and restores it; both pages get the text back, live.
  await amina.page.getByRole('button', { name: 'Open First draft' }).click();
  const content = amina.page.getByTestId('version-content').getByRole('document');
  await expect(content).toHaveText('The committee meets on Monday.');
  await expect(content).toHaveAttribute('contenteditable', 'false');
  await expectNoAxeViolations(amina.page, 'a version, read-only');
  await keepShots(amina.page, testInfo, 'history-version-en');
  await amina.page.getByRole('button', { name: 'Restore this version' }).click();
  const dialog = amina.page.getByRole('dialog', { name: 'Restore this version?' });
  await expect(dialog).toContainText('saved as a version first');
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(
    amina.page.getByRole('status').filter({ hasText: '“First draft” restored' }),
  ).toBeVisible();
  await expectExactly(amina, 'The committee meets on Monday.');
  await expectExactly(bashir, 'The committee meets on Monday.');

  // The version taken before the restore undoes it: restoring it brings Bashir's words back.
  const before = amina.page.getByRole('button', { name: 'Open Before restoring “First draft”' });
  await expect(before).toBeVisible();
  await before.click();
  await amina.page.getByRole('button', { name: 'Restore this version' }).click();
  await amina.page
    .getByRole('dialog', { name: 'Restore this version?' })
    .getByRole('button', { name: 'Restore', exact: true })
    .click();
  await expectExactly(bashir, 'The committee meets on Tuesday. أحضروا التقرير.');
  await expectExactly(amina, 'The committee meets on Tuesday. أحضروا التقرير.');
  // Both keep writing in the same document afterwards.
  await typeAtEnd(amina, ' Done.');
  await expectExactly(bashir, 'The committee meets on Tuesday. أحضروا التقرير. Done.');
  await bashir.page.reload();
  await expectConnected(bashir);
  await openHistory(bashir.page, 'ar');
  await expect(bashir.page.getByTestId('history-version')).toHaveCount(3);
  await keepShots(bashir.page, testInfo, 'history-panel-ar');
  await keepShots(amina.page, testInfo, 'history-panel-en');
});
