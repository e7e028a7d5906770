import { expect, test, type Browser } from '@playwright/test';
import { createCoCreationSession, createGroup } from '@draftroom/server/testing';
import { serverForSpec } from '../fixtures/guideSpec.ts';
import {
  expectConnected,
  expectGuideText,
  inviteLink,
  openPageAs,
  typeAtEnd,
} from '../fixtures/people.ts';
import { expectNoAxeViolations, switchLanguage } from '../fixtures/pages.ts';
import { keepShots } from '../fixtures/shots.ts';

// Issue 13, the organisers' review: an organiser requests changes, the facilitator sees it and
// marks the guide ready again, the organiser approves and publishes, and the guide turns
// read-only for the participant live (with the reason shown and announced).
const spec = serverForSpec();

async function open(browser: Browser, invite: string, guideId: string, name: string) {
  const person = await openPageAs(browser, spec.server.url, invite, `/g/${guideId}`, name);
  spec.people.push(person);
  await expectConnected(person);
  return person;
}

test('organiser requests changes, facilitator marks ready again, organiser approves and publishes; the participant turns read-only live', async ({
  browser,
}, testInfo) => {
  // Three people's browsers and screenshots at two sizes in two languages.
  test.setTimeout(240_000);
  const server = spec.server;
  const session = await createCoCreationSession(server.organiser, 'Review the guides');
  const group = await createGroup(server.organiser, session.id, 'Group Nile');
  const facilitator = await open(
    browser,
    await inviteLink(server, 'facilitator', { type: 'session', id: session.id }),
    group.guideId,
    'Fatou Facilitator',
  );
  const participant = await open(
    browser,
    await inviteLink(server, 'participant', { type: 'group', id: group.id }),
    group.guideId,
    'Amina Diallo',
  );
  const organiser = await open(browser, server.link('organiser'), group.guideId, 'Olga Organiser');
  const panel = (page: typeof organiser.page) => page.getByRole('region', { name: 'Review' });
  const badge = (page: typeof organiser.page) => panel(page).getByTestId('review-status');

  await typeAtEnd(participant, 'Our guide, drafted together.');
  await expectGuideText(organiser, 'Our guide, drafted together.');
  await expect(badge(participant.page)).toHaveText(/Drafting/);
  // Participants make no move: no buttons, only the status and the history.
  await expect(panel(participant.page).getByRole('button')).toHaveCount(0);

  // The facilitator hands it in; the organiser sees it without reloading.
  await panel(facilitator.page).getByRole('button', { name: 'Mark ready for review' }).click();
  await expect(badge(organiser.page)).toHaveText(/Ready for review/);
  await expect(panel(organiser.page).getByRole('status').first()).toHaveText(
    "The guide's review status changed: Ready for review.",
  );

  // The organiser requests changes with a note (typed in Arabic: its own direction).
  const organiserPanel = panel(organiser.page);
  await organiserPanel.getByLabel('Note (optional)').fill('أضيفوا أرقام الميزانية، please.');
  await organiserPanel.getByRole('button', { name: 'Request changes' }).click();
  await expect(badge(organiser.page)).toHaveText(/Changes requested/);

  // The facilitator sees it live: the status, announced, and the note in the history.
  await expect(badge(facilitator.page)).toHaveText(/Changes requested/);
  const facilitatorPanel = panel(facilitator.page);
  await expect(facilitatorPanel.getByRole('status').first()).toHaveText(
    "The guide's review status changed: Changes requested.",
  );
  const newest = facilitatorPanel.getByTestId('review-move').first();
  await expect(newest).toContainText('Ready for review → Changes requested');
  await expect(newest).toContainText('Olga Organiser');
  await expect(newest.locator('.review__note')).toHaveText('أضيفوا أرقام الميزانية، please.');
  await expect(newest.locator('.review__note')).toHaveAttribute('dir', 'auto');
  // The earlier move is folded away, counted.
  await expect(facilitatorPanel.locator('summary')).toHaveText('1 earlier move');

  // The group makes the change; the facilitator marks it ready again (keyboard only).
  await typeAtEnd(participant, ' Budget: 1,200 USD.');
  await expectGuideText(facilitator, 'Budget: 1,200 USD.');
  const readyAgain = facilitatorPanel.getByRole('button', { name: 'Mark ready for review' });
  await readyAgain.focus();
  await facilitator.page.keyboard.press('Enter');
  await expect(badge(organiser.page)).toHaveText(/Ready for review/);

  // The organiser approves, then publishes (asked first).
  await organiserPanel.getByRole('button', { name: 'Approve' }).click();
  await expect(badge(organiser.page)).toHaveText(/Approved/);
  await expect(participant.editor).toHaveAttribute('contenteditable', 'true');
  await keepShots(organiser.page, testInfo, 'review-guide-organiser-en');
  await organiserPanel.getByRole('button', { name: 'Publish' }).click();
  const dialog = organiser.page.getByRole('dialog', { name: 'Publish this guide?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Publish' }).click();
  await expect(dialog).toBeHidden();
  await expect(badge(organiser.page)).toHaveText(/Published/);

  // The participant's editor turns read-only at once, saying why.
  const note = participant.page.getByTestId('read-only-note');
  await expect(note).toHaveText(
    'The organisers published this guide: you can read it but no longer change it.',
  );
  await expect(note).toHaveAttribute('role', 'status');
  await expect(participant.editor).toHaveAttribute('contenteditable', 'false');
  await expect(badge(participant.page)).toHaveText(/Published/);
  // The facilitator reads it too now; the organiser still writes.
  await expect(facilitator.editor).toHaveAttribute('contenteditable', 'false');
  await expect(organiser.editor).toHaveAttribute('contenteditable', 'true');
  await expect(
    panel(organiser.page).getByRole('button', { name: 'Reopen for drafting' }),
  ).toBeVisible();
  await expectNoAxeViolations(participant.page, 'a published guide, for a participant');
  await expectNoAxeViolations(organiser.page, 'the review panel, for an organiser');
  await keepShots(participant.page, testInfo, 'review-guide-participant-en');
  await keepShots(facilitator.page, testInfo, 'review-guide-facilitator-en');

  // The session page shows each group's status.
  await facilitator.page.goto(`${server.url}/sessions/${session.id}`);
  await expect(facilitator.page.getByTestId('group-card').getByTestId('review-status')).toHaveText(
    /Published/,
  );
  await keepShots(facilitator.page, testInfo, 'review-session-en');
  await switchLanguage(facilitator.page, 'ar');
  await expect(facilitator.page.getByTestId('review-status')).toHaveText(/منشور/);
  await keepShots(facilitator.page, testInfo, 'review-session-ar');
  await switchLanguage(participant.page, 'ar');
  await keepShots(participant.page, testInfo, 'review-guide-participant-ar');
  await switchLanguage(organiser.page, 'ar');
  await keepShots(organiser.page, testInfo, 'review-guide-organiser-ar');
});
