import { expect, test } from '@playwright/test';
import { ServerProcess } from '../fixtures/server.ts';
import { expectConnected, expectGuideText, openGuideAs, typeAtEnd } from '../fixtures/people.ts';

// The server is killed with SIGKILL and restarted: the content is intact, and the open pages
// reconnect by themselves and keep editing together.
test('pages survive a server crash and keep editing', async ({ browser }, testInfo) => {
  const server = await ServerProcess.start();
  try {
    const guideId = await server.createGuide('Remote sittings');
    const alice = await openGuideAs(browser, server, guideId, 'Alice Moreau');
    const bob = await openGuideAs(browser, server, guideId, 'Bashir Haddad');

    await typeAtEnd(alice, 'Written before the crash.');
    await expectGuideText(bob, 'Written before the crash.');

    await server.kill('SIGKILL');
    await expect(alice.status).not.toHaveAttribute('data-state', 'connected');
    await expect(bob.status).not.toHaveAttribute('data-state', 'connected');
    await alice.page.screenshot({ path: testInfo.outputPath('reconnecting.png') });

    await server.restart();
    await expectConnected(alice);
    await expectConnected(bob);

    // A newcomer, with nothing in their browser, gets what was stored before the crash.
    const carol = await openGuideAs(browser, server, guideId, 'Carla Núñez');
    await expectGuideText(carol, 'Written before the crash.');

    await typeAtEnd(bob, ' And after it.');
    await expectGuideText(alice, 'Written before the crash. And after it.');
    await expectGuideText(carol, 'Written before the crash. And after it.');
    for (const person of [alice, bob, carol]) await person.context.close();
  } finally {
    await server.dispose();
  }
});
