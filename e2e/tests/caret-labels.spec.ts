import { expect, test, type Locator, type Page } from '@playwright/test';
import { ServerProcess } from '../fixtures/server.ts';
import { expectGuideText, openGuideAs, type Person } from '../fixtures/people.ts';

// Issue 9: a caret label with a long unbroken name stays inside the editor, wherever the caret
// is (at the end of a full line, in English or in Arabic, on a phone), shortened with an
// ellipsis, with the name available in full as its title.
let server: ServerProcess;
const people: Person[] = [];

test.beforeAll(async () => {
  server = await ServerProcess.start();
});
test.afterEach(async () => {
  for (const person of people.splice(0)) await person.context.close();
});
test.afterAll(async () => {
  await server.dispose();
});

const longName = 'Maximiliana' + 'x'.repeat(69);

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not visible');
  return found;
}

async function expectLabelInside(page: Page, editor: Locator): Promise<void> {
  const label = page.locator('.collaboration-carets__label', { hasText: 'Maximiliana' });
  await expect(label).toBeVisible();
  const frame = await box(editor);
  await expect
    .poll(async () => {
      const inner = await box(label);
      return inner.x >= frame.x - 1 && inner.x + inner.width <= frame.x + frame.width + 1;
    })
    .toBe(true);
  // The whole name, as presence carries it (names are at most 80 characters).
  await expect(label).toHaveAttribute('title', longName);
  // Shortened, not wrapped: one line, and narrower than the name would need.
  const fits = await label.evaluate((element) => element.scrollWidth > element.clientWidth);
  expect(fits).toBe(true);
}

/** How far the writer's caret is from the editor's right and left edges, in pixels. */
function caretGaps(person: Person): Promise<{ right: number; left: number }> {
  return person.editor.evaluate((editor) => {
    const range = window.getSelection()?.getRangeAt(0);
    const caret = range?.getClientRects()[0] ?? range?.getBoundingClientRect();
    const frame = editor.getBoundingClientRect();
    if (!caret) throw new Error('no caret');
    return { right: frame.right - caret.right, left: caret.left - frame.left };
  });
}

/** Types words into a new paragraph until its one line ends near the editor's edge. */
async function typeToEdge(person: Person, word: string, edge: 'right' | 'left'): Promise<void> {
  await person.page.keyboard.press('Enter');
  for (let words = 0; words < 200; words++) {
    await person.page.keyboard.type(word);
    if ((await caretGaps(person))[edge] < 120) return;
  }
  throw new Error('the line never reached the edge');
}

test('a long caret label stays inside the editor, at either edge', async ({ browser }) => {
  const guideId = await server.createGuide('Long names');
  const writer = await openGuideAs(browser, server, guideId, longName);
  const reader = await openGuideAs(browser, server, guideId, 'Bashir Haddad');
  people.push(writer, reader);

  // The end of an English line near the right edge: the label would run out on the right.
  await writer.editor.click();
  await writer.page.keyboard.type('Opening');
  await typeToEdge(writer, ' rules', 'right');
  await expectGuideText(reader, 'Opening rules');
  await expectLabelInside(reader.page, reader.editor);

  // The end of an Arabic line near the left edge: it would run out on the left.
  await typeToEdge(writer, ' قواعد', 'left');
  await expectGuideText(reader, 'قواعد');
  await expectLabelInside(reader.page, reader.editor);

  // On a phone, in the middle of a line, the label is wider than the room left.
  await reader.page.setViewportSize({ width: 390, height: 844 });
  await writer.page.keyboard.press('ControlOrMeta+Home');
  await writer.page.keyboard.press('End');
  await expectLabelInside(reader.page, reader.editor);
});
