import { expect, test, type Page } from '@playwright/test';
import { serverForSpec } from '../fixtures/guideSpec.ts';
import { tr } from '../fixtures/locales.ts';
import { switchLanguage } from '../fixtures/pages.ts';
import {
  expectConnected,
  expectGuideText,
  guideText,
  openGuideAs,
  typeAtEnd,
} from '../fixtures/people.ts';

// Issue 9: the toolbar has undo and redo (one's own changes only), a third heading level, and
// rows and columns for tables (usable only inside a table); all reachable from the keyboard and
// labelled in every language.
const spec = serverForSpec();

const button = (page: Page, name: string) =>
  page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name, exact: true });

async function pressUntilDisabled(page: Page, name: 'Undo' | 'Redo'): Promise<void> {
  await expect(button(page, name)).not.toHaveAttribute('aria-disabled', 'true');
  for (let presses = 0; presses < 20; presses++) {
    if ((await button(page, name).getAttribute('aria-disabled')) === 'true') return;
    await button(page, name).click();
  }
  throw new Error(`${name} still enabled after 20 presses`);
}

test('undo and redo take back only my own changes', async ({ browser }) => {
  const guideId = await spec.server.createGuide('Undo is personal');
  const alice = await openGuideAs(browser, spec.server, guideId, 'Alice Moreau');
  const bashir = await openGuideAs(browser, spec.server, guideId, 'Bashir Haddad');
  spec.people.push(alice, bashir);

  await expect(button(alice.page, 'Undo')).toHaveAttribute('aria-disabled', 'true');
  await typeAtEnd(alice, 'Alice writes.');
  await expectGuideText(bashir, 'Alice writes.');
  await typeAtEnd(bashir, ' Bashir adds.');
  await expectGuideText(alice, 'Alice writes. Bashir adds.');

  // Keys typed in one burst are one undo step; on a slow machine Alice's words can arrive as
  // two bursts. Undo until there is nothing of hers left to undo, and redo likewise.
  await pressUntilDisabled(alice.page, 'Undo');
  await expect.poll(() => guideText(bashir)).toBe(' Bashir adds.');
  expect(await guideText(alice)).toBe(' Bashir adds.');
  await pressUntilDisabled(alice.page, 'Redo');
  await expect.poll(() => guideText(bashir)).toBe('Alice writes. Bashir adds.');
  await expectConnected(alice);
  await expectConnected(bashir);
});

test('third-level headings, and table rows and columns only inside a table', async ({
  browser,
}) => {
  const guideId = await spec.server.createGuide('Headings and tables');
  const alice = await openGuideAs(browser, spec.server, guideId, 'Alice Moreau');
  spec.people.push(alice);
  const { page, editor } = alice;

  await typeAtEnd(alice, 'Checklist');
  await button(page, 'Heading 3').click();
  await expect(editor.locator('h3')).toHaveText('Checklist');
  await expect(button(page, 'Heading 3')).toHaveAttribute('aria-pressed', 'true');

  for (const name of ['Add row', 'Delete row', 'Add column', 'Delete column']) {
    await expect(button(page, name)).toHaveAttribute('aria-disabled', 'true');
  }
  await page.keyboard.press('Enter');
  await button(page, 'Insert table').click();
  const rows = editor.locator('tr');
  const firstRowCells = rows.first().locator('th, td');
  await expect(rows).toHaveCount(3);
  await expect(button(page, 'Add row')).not.toHaveAttribute('aria-disabled', 'true');
  await button(page, 'Add row').click();
  await expect(rows).toHaveCount(4);
  await button(page, 'Add column').click();
  await expect(firstRowCells).toHaveCount(4);
  await button(page, 'Delete column').click();
  await expect(firstRowCells).toHaveCount(3);
  await button(page, 'Delete row').click();
  await expect(rows).toHaveCount(3);

  // From the keyboard: one Tab stop, arrows to the table operation, Enter to run it.
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button').first().focus();
  await page.keyboard.press('End');
  await expect(button(page, 'Cite a practice')).toBeFocused();
  for (let step = 0; step < 6; step++) await page.keyboard.press('ArrowLeft');
  await expect(button(page, 'Add row')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(4);
  await expect(alice.status).toHaveAttribute('data-pending', '0');
  await expectConnected(alice);

  // Labelled in every language (the buttons carry their translated names).
  for (const code of ['fr', 'es', 'ar'] as const) {
    await switchLanguage(page, code);
    for (const key of ['undo', 'redo', 'heading3', 'addRow', 'deleteColumn']) {
      await expect(
        page.getByRole('button', { name: tr(code, `toolbar.${key}.label`), exact: true }),
      ).toHaveCount(1);
    }
  }
});
