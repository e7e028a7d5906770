import { expect, test, type Browser, type Page } from '@playwright/test';
import { createCoCreationSession } from '@draftroom/server/testing';
import { serverForSpec } from '../fixtures/guideSpec.ts';
import { inviteLink, openPageAs } from '../fixtures/people.ts';

// Issue 15, Q&A: two participants and a moderator (a facilitator of the session) through a
// whole round on the session page: held for approval, approved, voted up (live on all three
// pages, no reload), a replayed vote refused, hidden (the audience sees how many), pinned as
// being answered, marked answered. An observer follows without asking or voting.
const spec = serverForSpec();

const questionsOf = (page: Page) => page.getByTestId('questions');
const question = (page: Page, text: string) =>
  questionsOf(page).getByTestId('question').filter({ hasText: text });
const spoken = (page: Page) => questionsOf(page).getByRole('status');

test('ask, hold, approve, vote once, hide, pin and answer, live for everyone', async ({
  browser,
}) => {
  const server = spec.server;
  const session = await createCoCreationSession(server.organiser, 'Thought-leader debate');
  const scope = { type: 'session' as const, id: session.id };
  const path = `/sessions/${session.id}`;
  const open = async (
    who: Browser,
    role: 'participant' | 'facilitator' | 'observer',
    name: string,
  ) => {
    const person = await openPageAs(
      who,
      server.url,
      await inviteLink(server, role, scope),
      path,
      name,
    );
    spec.people.push(person);
    await expect(
      questionsOf(person.page).getByRole('heading', { name: 'Questions' }),
    ).toBeVisible();
    return person.page;
  };
  const moderator = await open(browser, 'facilitator', 'Fatou Facilitator');
  const amina = await open(browser, 'participant', 'Amina Diallo');
  const bashir = await open(browser, 'participant', 'Bashir Haddad');
  const everyone = [moderator, amina, bashir];

  // The moderator holds new questions; the participants are told.
  await questionsOf(moderator).getByLabel('Hold new questions for approval').check();
  await expect(spoken(amina)).toHaveText('New questions now wait for approval.');

  const asked = 'How do small parliaments start with open data?';
  await questionsOf(amina).getByLabel('Your question').fill(asked);
  await questionsOf(amina).getByRole('button', { name: 'Ask', exact: true }).click();
  await expect(spoken(amina)).toHaveText(
    "Your question was sent. It waits for a moderator's approval.",
  );
  await expect(questionsOf(amina).getByLabel('Your question')).toHaveValue('');
  await expect(question(amina, asked).getByTestId('question-status')).toHaveText(
    'Waiting for approval',
  );
  await expect(question(amina, asked)).toContainText('You');
  // Bashir sees only that one waits; the moderator sees it, with its asker.
  await expect(questionsOf(bashir).getByTestId('question-counts')).toHaveText(
    '1 question waiting for approval',
  );
  await expect(question(bashir, asked)).toHaveCount(0);
  await expect(spoken(moderator)).toHaveText('1 new question waits for approval.');
  await expect(question(moderator, asked)).toContainText('Amina Diallo');

  await question(moderator, asked).getByRole('button', { name: 'Approve' }).click();
  await expect(question(bashir, asked)).toBeVisible();
  await expect(spoken(bashir)).toHaveText('1 new question.');
  await expect(spoken(amina)).toHaveText('Your question was approved.');
  await expect(question(amina, asked).getByTestId('question-status')).toHaveCount(0);

  // Bashir votes it up: the count changes on every page without a reload.
  const vote = question(bashir, asked).getByRole('button', { name: 'Vote up' });
  await expect(vote).toHaveAttribute('aria-pressed', 'false');
  await vote.click();
  await expect(vote).toHaveAttribute('aria-pressed', 'true');
  for (const page of everyone) {
    await expect(question(page, asked).getByTestId('question-votes')).toHaveText('1 vote');
  }
  // The same request again, replayed with Bashir's cookie: refused, and still one vote.
  const state = await bashir.request.get(`${server.url}/api/sessions/${session.id}/interaction`);
  const { questions } = (await state.json()) as { questions: { id: string; text: string }[] };
  const questionId = questions.find((q) => q.text === asked)?.id ?? '';
  const replay = await bashir.request.post(
    `${server.url}/api/sessions/${session.id}/questions/${questionId}/vote`,
    { headers: { origin: server.url } },
  );
  expect(replay.status()).toBe(409);
  expect(((await replay.json()) as { error: { code: string } }).error.code).toBe('already_voted');
  const after = await bashir.request.get(`${server.url}/api/sessions/${session.id}/interaction`);
  const counted = (await after.json()) as { questions: { id: string; votes: number }[] };
  expect(counted.questions.find((q) => q.id === questionId)?.votes).toBe(1);
  for (const page of everyone) {
    await expect(question(page, asked).getByTestId('question-votes')).toHaveText('1 vote');
  }

  // An anonymous question, held, then hidden: the audience sees how many were hidden, the
  // asker that theirs was.
  const rude = 'An off-topic remark';
  await questionsOf(bashir).getByLabel('Your question').fill(rude);
  await questionsOf(bashir).getByLabel('Ask anonymously').check();
  await questionsOf(bashir).getByRole('button', { name: 'Ask', exact: true }).click();
  await expect(question(bashir, rude)).toContainText('You, anonymously');
  await expect(question(moderator, rude)).toContainText('Anonymous');
  await expect(question(moderator, rude)).not.toContainText('Bashir');
  await question(moderator, rude).getByRole('button', { name: 'Hide' }).click();
  await expect(questionsOf(amina).getByTestId('question-counts')).toHaveText(
    '1 question hidden by the moderators',
  );
  await expect(spoken(amina)).toHaveText('1 question hidden by the moderators.');
  await expect(question(bashir, rude).getByTestId('question-status')).toHaveText(
    'Hidden by the moderators',
  );
  await expect(spoken(bashir)).toHaveText('Your question was hidden by the moderators.');

  // Pinned: first on every page, marked as being answered; then answered, folded away.
  await question(moderator, asked).getByRole('button', { name: 'Pin as answering now' }).click();
  for (const page of everyone) {
    const first = questionsOf(page).getByTestId('question').first();
    await expect(first).toContainText(asked);
    await expect(first.getByTestId('question-status')).toHaveText('Answering now');
  }
  await expect(spoken(bashir)).toHaveText(`Answering now: ${asked}`);
  await question(moderator, asked).getByRole('button', { name: 'Mark answered' }).click();
  const answered = questionsOf(amina).getByTestId('answered-questions');
  await expect(answered.locator('summary')).toHaveText('1 answered question');
  await answered.locator('summary').click();
  await expect(answered.getByTestId('question').filter({ hasText: asked })).toContainText(
    'Answered',
  );
  await expect(question(amina, asked).getByRole('button', { name: 'Vote up' })).toHaveCount(0);

  // An observer follows: no form, and cannot vote.
  const observer = await open(browser, 'observer', 'Olivier Observer');
  await expect(questionsOf(observer).getByLabel('Your question')).toHaveCount(0);
  await expect(questionsOf(observer)).toContainText(
    'Observers follow the questions but do not ask or vote.',
  );
  const other = 'Who funds the digital transition?';
  await questionsOf(moderator).getByLabel('Hold new questions for approval').uncheck();
  await questionsOf(amina).getByLabel('Your question').fill(other);
  await questionsOf(amina).getByRole('button', { name: 'Ask', exact: true }).click();
  await expect(question(observer, other).getByRole('button', { name: 'Vote up' })).toBeDisabled();

  // Those who run the session download everything as CSV; the audience is not offered it.
  const csvLink = moderator.getByRole('link', { name: /Download the questions and polls/ });
  const href = new URL((await csvLink.getAttribute('href')) ?? '', moderator.url()).toString();
  const csv = await moderator.request.get(href);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toContain(asked);
  await expect(amina.getByRole('link', { name: /Download the questions and polls/ })).toHaveCount(
    0,
  );
});
