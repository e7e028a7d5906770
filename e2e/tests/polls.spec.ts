import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { createCoCreationSession } from '@draftroom/server/testing';
import { serverForSpec } from '../fixtures/guideSpec.ts';
import { inviteLink, openPageAs } from '../fixtures/people.ts';
import { expectNoAxeViolations, switchLanguage } from '../fixtures/pages.ts';
import { desktop, phone } from '../fixtures/shots.ts';

// Issue 15, polls: a facilitator prepares and opens a poll; two participants vote (one by
// keyboard only); the results stay hidden from them until revealed, then reach both pages
// live; a replayed ballot is refused; closing takes the vote away; a word cloud counts words
// given by several people once each; the presenter view in Arabic passes axe.
const spec = serverForSpec();

async function open(browser: Browser, invite: string, path: string, name: string) {
  const person = await openPageAs(browser, spec.server.url, invite, path, name);
  spec.people.push(person);
  return person;
}

/** A stable place for the screenshots people look at: e2e/artifacts/screenshots/. */
function shotsFolder(): string {
  const folder = fileURLToPath(new URL('../artifacts/screenshots/', import.meta.url));
  mkdirSync(folder, { recursive: true });
  return folder;
}

/** The polls section at desktop and phone size. */
async function shootPolls(page: Page, name: string) {
  const folder = shotsFolder();
  for (const [size, viewport] of [
    ['desktop', desktop],
    ['phone', phone],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.getByTestId('polls').screenshot({ path: `${folder}${name}-${size}.png` });
  }
  await page.setViewportSize(desktop);
}

const pollOf = (page: Page, question: string): Locator =>
  page.getByTestId('poll').filter({ has: page.getByRole('heading', { name: question }) });

test('a poll opened, voted once each, revealed live, closed; a word cloud; the presenter view', async ({
  browser,
}) => {
  // Held in English and Arabic: the presenter view speaks the session's languages.
  const session = await createCoCreationSession(spec.server.organiser, 'Thought-leader debate', {
    languages: ['en', 'ar'],
  });
  const scope = { type: 'session' as const, id: session.id };
  const path = `/sessions/${session.id}`;
  const [facilitator, amina, bashir] = await Promise.all([
    inviteLink(spec.server, 'facilitator', scope).then((link) =>
      open(browser, link, path, 'Fatou Facilitator'),
    ),
    inviteLink(spec.server, 'participant', scope).then((link) =>
      open(browser, link, path, 'Amina Diallo'),
    ),
    inviteLink(spec.server, 'participant', scope).then((link) =>
      open(browser, link, path, 'Bashir Haddad'),
    ),
  ]);
  const host = facilitator.page;

  // The facilitator prepares a single-choice poll (a third option row added) and opens it.
  const question = 'Which should come first?';
  await host.getByText('Prepare a poll').click();
  await host.getByRole('button', { name: 'Prepare the poll' }).click();
  // Checked in the browser first: focus lands on the empty question.
  await expect(host.getByLabel('Question', { exact: true })).toBeFocused();
  await host.getByLabel('Question', { exact: true }).fill(question);
  await host.getByLabel('Option 1', { exact: true }).fill('Open data');
  await host.getByLabel('Option 2', { exact: true }).fill('Live streaming');
  await host.getByRole('button', { name: 'Add an option' }).click();
  await host.getByLabel('Option 3', { exact: true }).fill('E-petitions');
  await host.getByRole('button', { name: 'Prepare the poll' }).click();
  const hostPoll = pollOf(host, question);
  await expect(hostPoll).toContainText('Draft');
  // A draft is the moderators' only.
  await expect(pollOf(amina.page, question)).toHaveCount(0);
  await hostPoll.getByRole('button', { name: 'Open for votes' }).click();
  for (const person of [amina, bashir]) {
    await expect(pollOf(person.page, question).getByRole('radio')).toHaveCount(3);
    // Said politely once, as the poll opens.
    await expect(person.page.getByTestId('polls').getByRole('status')).toContainText(
      `Poll open for votes: \u2068${question}\u2069`,
    );
  }

  // Amina votes with the mouse; Bashir with the keyboard only.
  const aminaPoll = pollOf(amina.page, question);
  await aminaPoll.getByRole('radio', { name: 'Open data' }).check();
  await aminaPoll.getByRole('button', { name: 'Vote' }).click();
  await expect(aminaPoll.getByTestId('poll-voted')).toContainText('You voted:Open data');
  await expect(aminaPoll.getByRole('radio')).toHaveCount(0);

  const bashirPoll = pollOf(bashir.page, question);
  await bashir.page.getByRole('heading', { name: 'Polls' }).focus();
  await bashir.page.keyboard.press('Tab');
  await expect(bashirPoll.getByRole('radio', { name: 'Open data' })).toBeFocused();
  await bashir.page.keyboard.press('ArrowDown');
  await bashir.page.keyboard.press('ArrowDown');
  await expect(bashirPoll.getByRole('radio', { name: 'E-petitions' })).toBeChecked();
  await bashir.page.keyboard.press('Tab');
  await expect(bashirPoll.getByRole('button', { name: 'Vote' })).toBeFocused();
  await bashir.page.keyboard.press('Enter');
  await expect(bashirPoll.getByTestId('poll-voted')).toContainText('E-petitions');

  // Everyone sees how many voted; only the facilitator sees the results, marked as such.
  for (const page of [amina.page, bashir.page, host]) {
    await expect(pollOf(page, question).getByTestId('poll-ballots')).toHaveText('2 people voted');
  }
  await expect(hostPoll).toContainText('Only you see these until you reveal them.');
  await expect(hostPoll.getByTestId('poll-table')).toContainText('Open data150%');
  for (const page of [amina.page, bashir.page]) {
    await expect(pollOf(page, question)).toContainText('The results are hidden');
    await expect(pollOf(page, question).getByTestId('poll-results')).toHaveCount(0);
  }

  // A replayed ballot, with the same cookie and body, is refused.
  const listed = await amina.page.request.get(
    `${spec.server.url}/api/sessions/${session.id}/interaction`,
  );
  const pollId = (
    (await listed.json()) as { polls: { id: string; question: string }[] }
  ).polls.find((poll) => poll.question === question)?.id;
  const replay = await amina.page.request.post(
    `${spec.server.url}/api/sessions/${session.id}/polls/${pollId}/ballots`,
    { data: { choices: [0] } },
  );
  expect(replay.status()).toBe(409);
  expect(((await replay.json()) as { error: { code: string } }).error.code).toBe('already_voted');

  // Revealed: both participants' pages show the results without a reload.
  await hostPoll.getByRole('button', { name: 'Reveal the results' }).click();
  for (const page of [amina.page, bashir.page]) {
    const table = pollOf(page, question).getByTestId('poll-table');
    await expect(table).toContainText('Open data150%', { timeout: 2_000 });
    await expect(table).toContainText('E-petitions150%');
    await expect(table).toContainText('Live streaming00%');
    await expect(pollOf(page, question).getByTestId('poll-chart').locator('svg')).toBeVisible();
    await expect(page.getByTestId('polls').getByRole('status')).toContainText(
      `Results revealed: \u2068${question}\u2069`,
    );
  }
  await expect(hostPoll).not.toContainText('Only you see these');

  // The facilitator has not voted: closing takes the vote controls away.
  await expect(hostPoll.getByRole('radio')).toHaveCount(3);
  await hostPoll.getByRole('button', { name: 'Close voting' }).click();
  await expect(hostPoll.getByRole('radio')).toHaveCount(0);
  await expect(hostPoll.getByRole('button', { name: 'Vote' })).toHaveCount(0);
  await expect(pollOf(amina.page, question)).toContainText('Closed');

  // A word cloud: "trust" from two people counts two.
  const cloudQuestion = 'One word for e-Parliament?';
  await host.getByRole('radio', { name: 'Word cloud' }).check();
  await expect(host.getByLabel('Option 1', { exact: true })).toHaveCount(0);
  await host.getByLabel('Question', { exact: true }).fill(cloudQuestion);
  await host.getByRole('button', { name: 'Prepare the poll' }).click();
  const hostCloud = pollOf(host, cloudQuestion);
  await hostCloud.getByRole('button', { name: 'Open for votes' }).click();
  const aminaCloud = pollOf(amina.page, cloudQuestion);
  const bashirCloud = pollOf(bashir.page, cloudQuestion);
  await Promise.all([
    (async () => {
      await aminaCloud.getByLabel('Your word 1').fill('Openness');
      await aminaCloud.getByLabel('Your word 2').fill('trust');
      await aminaCloud.getByRole('button', { name: 'Vote' }).click();
      await expect(aminaCloud.getByTestId('poll-voted')).toContainText('Opennesstrust');
    })(),
    (async () => {
      await bashirCloud.getByLabel('Your word 1').fill('Trust');
      await bashirCloud.getByRole('button', { name: 'Vote' }).click();
      await expect(bashirCloud.getByTestId('poll-voted')).toBeVisible();
    })(),
  ]);
  await hostCloud.getByRole('button', { name: 'Reveal the results' }).click();
  const cloud = aminaCloud.getByTestId('poll-cloud');
  // Counted together whatever the case, shown as first typed (both voted at once: either).
  await expect(cloud.getByRole('listitem')).toHaveText([
    /^trust 22 people$/i,
    'Openness 11 person',
  ]);
  await expect(cloud.locator('.poll-cloud__word--5')).toHaveText(/^trust/i);
  await aminaCloud.getByText('The words as a table').click();
  await expect(aminaCloud.getByTestId('poll-words-table')).toContainText(/trust2/i);

  await shootPolls(amina.page, 'polls-participant-en');
  await shootPolls(host, 'polls-facilitator-en');
  await switchLanguage(amina.page, 'ar');
  await expect(pollOf(amina.page, question).getByTestId('poll-ballots')).toHaveText('صوّت شخصان');
  await shootPolls(amina.page, 'polls-participant-ar');

  // The presenter view of the first poll, in Arabic, right to left, checked with axe; it is
  // opened beside the session page, as it would be shared into the call.
  await switchLanguage(host, 'ar');
  const link = pollOf(host, question).getByRole('link', { name: 'عرض المقدّم' });
  const screen = await facilitator.context.newPage();
  await screen.setViewportSize(desktop);
  await screen.goto(`${spec.server.url}${await link.getAttribute('href')}`);
  const presenter = screen.getByTestId('presenter-poll');
  await expect(presenter.getByRole('heading', { level: 1 })).toHaveText(question);
  await expect(presenter.getByTestId('presenter-ballots')).toContainText('صوّت شخصان');
  await expect(presenter.getByTestId('poll-chart').locator('svg')).toBeVisible();
  await expect(screen.locator('html')).toHaveAttribute('dir', 'rtl');
  await screen.screenshot({
    path: `${shotsFolder()}polls-presenter-ar-desktop.png`,
    fullPage: true,
  });
  await expectNoAxeViolations(screen, 'presenter view of a poll (ar)');
  // Hiding the results takes them off the shared screen, live.
  await pollOf(host, question).getByRole('button', { name: 'إخفاء النتائج' }).click();
  await expect(presenter).toContainText('لم تُكشف النتائج بعد', { timeout: 2_000 });
  await expect(presenter.getByTestId('poll-chart')).toHaveCount(0);
});
