import { expect, test, type Browser } from '@playwright/test';
import { createCoCreationSession, createGroup } from '@draftroom/server/testing';
import { serverForSpec } from '../fixtures/guideSpec.ts';
import { expectConnected, inviteLink, openPageAs } from '../fixtures/people.ts';
import { switchLanguage } from '../fixtures/pages.ts';
import { keepShots } from '../fixtures/shots.ts';

// Issue 11: a facilitator runs a session from its console: a timer, a phase and an
// announcement reach both groups' open guides within a second, without a reload; the console
// shows who is online in each group.
const spec = serverForSpec();

async function open(browser: Browser, invite: string, path: string, name: string) {
  const person = await openPageAs(browser, spec.server.url, invite, path, name);
  spec.people.push(person);
  return person;
}

test('timer, phase and an announcement from the console reach both groups live', async ({
  browser,
}, testInfo) => {
  const organiser = spec.server.organiser;
  const session = await createCoCreationSession(organiser, 'Writing the guides');
  const groupA = await createGroup(organiser, session.id, 'Group A');
  const groupB = await createGroup(organiser, session.id, 'Group B');
  const invite = (
    role: 'participant' | 'facilitator',
    scope: { type: 'group' | 'session'; id: string },
  ) => inviteLink(spec.server, role, scope);

  const amina = await open(
    browser,
    await invite('participant', { type: 'group', id: groupA.id }),
    `/g/${groupA.guideId}`,
    'Amina Diallo',
  );
  const bashir = await open(
    browser,
    await invite('participant', { type: 'group', id: groupB.id }),
    `/g/${groupB.guideId}`,
    'Bashir Haddad',
  );
  await expectConnected(amina);
  await expectConnected(bashir);
  const facilitator = await open(
    browser,
    await invite('facilitator', { type: 'session', id: session.id }),
    `/sessions/${session.id}`,
    'Fatou Facilitator',
  );
  await facilitator.page.getByRole('link', { name: 'Open the session console' }).click();
  const console = facilitator.page;
  await expect(console.getByRole('heading', { level: 1 })).toContainText('Writing the guides');
  // Who is online, per group.
  const rows = console.getByTestId('console-group');
  await expect(rows.filter({ hasText: 'Group A' }).getByTestId('console-online')).toContainText(
    '1 person (Amina Diallo)',
  );
  await expect(rows.filter({ hasText: 'Group B' }).getByTestId('console-online')).toContainText(
    'Bashir Haddad',
  );

  await console.getByLabel('Minutes').fill('15');
  await console.getByRole('button', { name: 'Start the timer' }).click();
  for (const person of [amina, bashir]) {
    await expect(person.page.getByTestId('session-timer')).toHaveText(/1[45]:\d\d left/, {
      timeout: 1_000,
    });
    // Said to screen readers once when set, not every second.
    await expect(person.page.getByTestId('timer-spoken')).toHaveText(/The timer is running/);
  }

  await console.getByLabel('Phase shown in every group').selectOption({ label: 'Drafting' });
  await expect(amina.page.getByTestId('session-phase')).toHaveText('Phase: Drafting', {
    timeout: 1_000,
  });
  await expect(bashir.page.getByTestId('session-phase')).toHaveText('Phase: Drafting', {
    timeout: 1_000,
  });

  await console.getByLabel('Message').fill('Ten minutes left: please fill in the checklist.');
  await console.getByRole('button', { name: 'Send' }).click();
  for (const person of [amina, bashir]) {
    const banner = person.page.getByTestId('announcement');
    await expect(banner).toContainText('From Fatou Facilitator: Ten minutes left', {
      timeout: 1_000,
    });
  }
  // Only group B hears this one.
  await console.getByLabel('Message').fill('Group B: one more pitfall, please.');
  await console.getByLabel('Send to').selectOption({ label: 'Group B' });
  await console.getByRole('button', { name: 'Send' }).click();
  await expect(bashir.page.getByTestId('announcement')).toHaveCount(2, { timeout: 1_000 });
  await expect(amina.page.getByTestId('announcement')).toHaveCount(1);

  await console.getByRole('button', { name: 'Pause' }).click();
  await expect(amina.page.getByTestId('session-timer')).toHaveText(
    /Timer paused: 1[45]:\d\d left/,
    { timeout: 1_000 },
  );
  await keepShots(console, testInfo, 'session-console-en');
  await keepShots(amina.page, testInfo, 'guide-live-bar-en');

  // Dismissed stays dismissed after a reload; the timer, phase and others stay.
  await amina.page.getByRole('button', { name: /^Dismiss/ }).click();
  await expect(amina.page.getByTestId('announcement')).toHaveCount(0);
  await amina.page.reload();
  await expect(amina.page.getByTestId('session-phase')).toHaveText('Phase: Drafting');
  await expect(amina.page.getByTestId('announcement')).toHaveCount(0);

  await switchLanguage(bashir.page, 'ar');
  await expect(bashir.page.getByTestId('session-phase')).toHaveText('المرحلة: الصياغة');
  await keepShots(bashir.page, testInfo, 'guide-live-bar-ar');
  await switchLanguage(console, 'ar');
  await keepShots(console, testInfo, 'session-console-ar');
});
