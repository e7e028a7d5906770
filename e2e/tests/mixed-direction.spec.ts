import { expect, test, type Locator } from '@playwright/test';
import { createCoCreationSession, createGroup, createInvite } from '@draftroom/server/testing';
import { serverForSpec } from '../fixtures/guideSpec.ts';
import { expectConnected, joinAs, openGuideAs } from '../fixtures/people.ts';

// Issue 9: direction belongs to each block. In an English guide with an Arabic section, the
// Arabic heading, text and bullets sit on the right, the English ones on the left; a writer can
// set a block's direction from the toolbar; every reader (also read-only) sees the same.
const spec = serverForSpec();

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not visible');
  return found;
}

/** Left and right edges of a block's text (not of its box, which spans the line). */
function textEdges(block: Locator): Promise<{ left: number; right: number }> {
  return block.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const rect = range.getBoundingClientRect();
    return { left: rect.left, right: rect.right };
  });
}

/** Checks that a list item's bullet and text sit on the side its direction says. */
async function expectItemOnSide(item: Locator, content: Locator, side: 'left' | 'right') {
  const styles = await item.evaluate((element) => {
    const style = getComputedStyle(element);
    return { direction: style.direction, left: style.marginLeft, right: style.marginRight };
  });
  expect(styles.direction).toBe(side === 'right' ? 'rtl' : 'ltr');
  const contentBox = await box(content);
  const itemBox = await box(item);
  const text = await textEdges(item.locator('p'));
  if (side === 'right') {
    // The bullet's room is between the text and the editor's right edge.
    expect(parseFloat(styles.right)).toBeGreaterThan(8);
    expect(parseFloat(styles.left)).toBe(0);
    expect(text.right).toBeGreaterThan(itemBox.x + itemBox.width - 2);
    expect(itemBox.x + itemBox.width).toBeLessThan(contentBox.x + contentBox.width - 8);
  } else {
    expect(parseFloat(styles.left)).toBeGreaterThan(8);
    expect(parseFloat(styles.right)).toBe(0);
    expect(text.left).toBeLessThan(itemBox.x + 2);
  }
}

test('an English guide with an Arabic section: each block on its own side', async ({ browser }) => {
  const session = await createCoCreationSession(spec.server.organiser, 'Mixed directions workshop');
  const group = await createGroup(spec.server.organiser, session.id, 'Mixed directions');
  const participantLink = await createInvite(spec.server.organiser, 'participant', {
    type: 'group',
    id: group.id,
  });
  const alice = await openGuideAs(
    browser,
    { url: spec.server.url, inviteFor: () => `${spec.server.url}${participantLink.joinPath}` },
    group.guideId,
    'Alice Moreau',
  );
  spec.people.push(alice);
  const { page, editor } = alice;

  await editor.click();
  await page.keyboard.type('Opening the session');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ControlOrMeta+Shift+8');
  await page.keyboard.type('Check the microphones');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('افتتاح الجلسة');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ControlOrMeta+Shift+8');
  await page.keyboard.type('التحقق من الميكروفونات');
  await page.keyboard.press('Enter');
  await page.keyboard.type('توزيع الأدوار');

  const english = editor.locator('li', { hasText: 'Check the microphones' });
  const arabic = editor.locator('li', { hasText: 'توزيع الأدوار' });
  await expectItemOnSide(english, editor, 'left');
  await expectItemOnSide(arabic, editor, 'right');
  // The Arabic paragraph is right-aligned, the English one left-aligned.
  const arabicParagraph = editor.locator('p', { hasText: 'افتتاح الجلسة' });
  const englishParagraph = editor.locator('p', { hasText: 'Opening the session' });
  const contentBox = await box(editor);
  expect((await textEdges(arabicParagraph)).right).toBeGreaterThan(
    contentBox.x + contentBox.width - 60,
  );
  expect((await textEdges(englishParagraph)).left).toBeLessThan(contentBox.x + 60);

  // The writer turns an English line (a quotation in an Arabic section) right to left.
  await englishParagraph.click();
  const rtlButton = page.getByRole('button', { name: 'Right to left' });
  await expect(rtlButton).toHaveAttribute('aria-pressed', 'false');
  await rtlButton.click();
  await expect(rtlButton).toHaveAttribute('aria-pressed', 'true');
  await expect(englishParagraph).toHaveAttribute('dir', 'rtl');
  await expect(arabicParagraph).toHaveAttribute('dir', 'auto');
  await expect(alice.status).toHaveAttribute('data-pending', '0');
  await expectConnected(alice);

  // A reader who may not write sees the same directions (stored, then served).
  const observerLink = await createInvite(spec.server.organiser, 'observer', {
    type: 'group',
    id: group.id,
  });
  const joined = await joinAs(
    browser,
    spec.server.url,
    `${spec.server.url}${observerLink.joinPath}`,
    'Inês',
  );
  const observerPage = joined.page;
  await observerPage.goto(`${spec.server.url}/g/${group.guideId}`);
  const readOnly = observerPage.getByRole('textbox', { name: 'Guide text' });
  await expect(readOnly).toHaveAttribute('aria-readonly', 'true');
  await expect(readOnly.locator('p', { hasText: 'Opening the session' })).toHaveAttribute(
    'dir',
    'rtl',
  );
  await expectItemOnSide(readOnly.locator('li', { hasText: 'توزيع الأدوار' }), readOnly, 'right');
  await expectItemOnSide(
    readOnly.locator('li', { hasText: 'Check the microphones' }),
    readOnly,
    'left',
  );
  await joined.context.close();
});
