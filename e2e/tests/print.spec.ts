import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { serverForSpec } from '../fixtures/guideSpec.ts';
import { expectGuideText, openGuideAs, typeAtEnd } from '../fixtures/people.ts';

// Issue 9: printing a guide prints the guide alone: no navigation, toolbar, presence, connection
// state, carets or caret labels, but all of the guide's text.
const spec = serverForSpec();

test('a printed guide shows the guide and nothing else', async ({ browser }) => {
  const guideId = await spec.server.createGuide('Printing the guide');
  const alice = await openGuideAs(browser, spec.server, guideId, 'Alice Moreau');
  const bashir = await openGuideAs(browser, spec.server, guideId, 'Bashir Haddad');
  spec.people.push(alice, bashir);
  const { page } = alice;

  await typeAtEnd(alice, 'Before the session');
  await page.keyboard.press('ControlOrMeta+Alt+2');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Test every microphone the day before.');
  await typeAtEnd(bashir, ' Bashir was here.');
  await expectGuideText(alice, 'Bashir was here.');

  const hiddenOnPaper = {
    navigation: page.getByRole('banner'),
    toolbar: page.getByRole('toolbar', { name: 'Formatting' }),
    presence: page.getByTestId('presence-list'),
    connection: page.getByTestId('connection-status'),
    caret: page.locator('.collaboration-carets__caret').first(),
    caretLabel: page.locator('.collaboration-carets__label', { hasText: 'Bashir Haddad' }),
  };
  for (const part of Object.values(hiddenOnPaper)) await expect(part).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  for (const [name, part] of Object.entries(hiddenOnPaper)) {
    await expect(part, `${name} is printed`).toBeHidden();
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Printing the guide' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Before the session' })).toBeVisible();
  await expect(
    page.getByText('Test every microphone the day before. Bashir was here.'),
  ).toBeVisible();

  // The PDF a person would get, kept to look at (not part of the repository).
  const folder = process.env.SHOTS_DIR ?? test.info().outputPath('shots');
  mkdirSync(folder, { recursive: true });
  await page.pdf({ path: `${folder}/guide-print.pdf`, format: 'A4', preferCSSPageSize: true });
});
