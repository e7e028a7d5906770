import { expect, test } from '@playwright/test';
import { ServerProcess } from '../fixtures/server.ts';
import {
  expectConnected,
  expectGuideText,
  guideText,
  openGuideAs,
  typeAtEnd,
} from '../fixtures/people.ts';

// A page that goes offline keeps editing, shows its unsent changes, and on reconnect both sides
// converge on the same text.
test('offline edits merge on reconnect', async ({ browser }, testInfo) => {
  const server = await ServerProcess.start();
  try {
    const guideId = await server.createGuide('Social media guidelines');
    const alice = await openGuideAs(browser, server, guideId, 'Alice Moreau');
    const bob = await openGuideAs(browser, server, guideId, 'Bashir Haddad');
    await typeAtEnd(alice, 'Shared start.');
    await expectGuideText(bob, 'Shared start.');

    await bob.context.setOffline(true);
    await expect(bob.status).toHaveAttribute('data-state', 'offline');
    await bob.page.keyboard.press('ControlOrMeta+End');
    await typeAtEnd(bob, ' Bob offline.');
    await expect(bob.status).not.toHaveAttribute('data-pending', '0');
    await expect(bob.status).toContainText(/unsynced change/);
    await bob.page.screenshot({ path: testInfo.outputPath('offline-with-pending.png') });

    // Meanwhile Alice keeps writing; Bob cannot see it yet.
    await alice.editor.click();
    await alice.page.keyboard.press('ControlOrMeta+Home');
    await alice.page.keyboard.type('Alice online. ');
    await expect(alice.status).toHaveAttribute('data-pending', '0');
    await expect.poll(() => guideText(alice)).not.toContain('Bob offline.');
    await expect.poll(() => guideText(bob)).not.toContain('Alice online.');

    await bob.context.setOffline(false);
    await expectConnected(bob);
    await expect(bob.status).toHaveAttribute('data-pending', '0');
    const merged = 'Alice online. Shared start. Bob offline.';
    await expectGuideText(alice, merged);
    await expectGuideText(bob, merged);

    // The merge is stored: a newcomer sees it too.
    const carol = await openGuideAs(browser, server, guideId, 'Carla Núñez');
    await expectGuideText(carol, merged);
    for (const person of [alice, bob, carol]) await person.context.close();
  } finally {
    await server.dispose();
  }
});
