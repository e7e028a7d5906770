import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { serverForSpec } from '../fixtures/guideSpec.ts';
import { expectGuideText, openGuideAs, typeAtEnd } from '../fixtures/people.ts';

// Two people type into the same guide and each sees the other's text and named caret; a third
// who joins late receives the whole document.
const spec = serverForSpec();

test('two people write together and see each other', async ({ browser }, testInfo) => {
  const guideId = await spec.server.createGuide('Digital parliaments handbook');
  const alice = await openGuideAs(browser, spec.server, guideId, 'Alice Moreau');
  const bob = await openGuideAs(browser, spec.server, guideId, 'Bashir Haddad');
  spec.people.push(alice, bob);

  await typeAtEnd(alice, 'Alice drafts the introduction.');
  await expectGuideText(bob, 'Alice drafts the introduction.');

  await bob.page.keyboard.press('ControlOrMeta+End');
  await typeAtEnd(bob, ' Bashir adds the checklist.');
  await expectGuideText(alice, 'Alice drafts the introduction. Bashir adds the checklist.');

  // Each sees the other in the presence list (name and initials, not colour alone)…
  const alicesList = alice.page.getByTestId('presence-list');
  await expect(alicesList).toContainText('Bashir Haddad');
  await expect(alicesList).toContainText('BH');
  await expect(bob.page.getByTestId('presence-list')).toContainText('Alice Moreau');
  // …and the other's caret, labelled with their name.
  await expect(
    alice.page.locator('.collaboration-carets__label', { hasText: 'Bashir Haddad' }),
  ).toBeVisible();
  await alice.editor.click();
  await expect(
    bob.page.locator('.collaboration-carets__label', { hasText: 'Alice Moreau' }),
  ).toBeVisible();

  await alice.page.screenshot({ path: testInfo.outputPath('guide-page-alice.png') });
  await bob.page.screenshot({ path: screenshotPath('guide-page-two-people.png') });
});

test('a person who joins late receives the whole document', async ({ browser }) => {
  const guideId = await spec.server.createGuide('Open data for bills');
  const alice = await openGuideAs(browser, spec.server, guideId, 'Alice Moreau');
  spec.people.push(alice);
  const paragraphs = [
    'Step one: choose a format.',
    'Step two: publish amendments.',
    'Step three: open an API.',
  ];
  for (const paragraph of paragraphs) {
    await typeAtEnd(alice, paragraph);
    await alice.page.keyboard.press('Enter');
  }
  await expect(alice.status).toHaveAttribute('data-pending', '0');

  const carol = await openGuideAs(browser, spec.server, guideId, 'Carla Núñez');
  spec.people.push(carol);
  for (const paragraph of paragraphs) await expectGuideText(carol, paragraph);
  await expect(carol.page.getByTestId('presence-list')).toContainText('Alice Moreau');
});

/** A stable place for the screenshots people look at: e2e/artifacts/screenshots/. */
function screenshotPath(name: string): string {
  return fileURLToPath(new URL(`../artifacts/screenshots/${name}`, import.meta.url));
}
