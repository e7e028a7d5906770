import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import {
  ApiClient,
  createCoCreationSession,
  createInvite,
  sampleProfile,
} from '@draftroom/server/testing';
import { serverForSpec } from '../fixtures/guideSpec.ts';
import { inviteLink, openPageAs } from '../fixtures/people.ts';
import { expectNoEnglishLeft } from '../fixtures/locales.ts';
import {
  expectDocumentLanguage,
  expectNoAxeViolations,
  switchLanguage,
} from '../fixtures/pages.ts';
import { desktop, phone } from '../fixtures/shots.ts';

// Issue 15, presenter view: the question list full screen for sharing into the video call, in
// the person's language (Arabic here: right to left, nothing left in English, axe clean), live;
// and the session page's questions as the audience and a moderator see them (screenshots).
const spec = serverForSpec();

/** Desktop and phone screenshots in e2e/artifacts/screenshots/, where people look at them. */
async function shots(page: Page, name: string): Promise<void> {
  for (const [size, viewport] of [
    ['desktop', desktop],
    ['phone', phone],
  ] as const) {
    await page.setViewportSize(viewport);
    const file = fileURLToPath(
      new URL(`../artifacts/screenshots/${name}-${size}.png`, import.meta.url),
    );
    await page.screenshot({ path: file, fullPage: true });
  }
  await page.setViewportSize(desktop);
}

test('the presenter view in Arabic, live and accessible; the questions on the session page', async ({
  browser,
}) => {
  const server = spec.server;
  // Held in Arabic and English: the presenter view speaks the room's language (the session's),
  // here the presenter's own since the session is held in it.
  const session = await createCoCreationSession(server.organiser, 'مناظرة: البرلمانات المفتوحة', {
    languages: ['ar', 'en'],
  });
  const scope = { type: 'session' as const, id: session.id };
  const sessionId = session.id;
  const join = async (name: string) =>
    ApiClient.join(
      server.url,
      (await createInvite(server.organiser, 'participant', scope)).joinPath,
      sampleProfile({ displayName: name }),
    );
  const [amina, bashir] = [await join('Amina Diallo'), await join('بشير حداد')];
  const ask = async (who: ApiClient, text: string, anonymous = false) =>
    (
      await who.expect<{ id: string }>(201, 'POST', `/api/sessions/${sessionId}/questions`, {
        text,
        anonymous,
      })
    ).id;
  const vote = (who: ApiClient, id: string) =>
    who.expect(204, 'POST', `/api/sessions/${sessionId}/questions/${id}/vote`);
  const moderate = (id: string, body: object) =>
    server.organiser.expect(200, 'PATCH', `/api/sessions/${sessionId}/questions/${id}`, body);

  const pinned = await ask(amina, 'كيف تبدأ البرلمانات الصغيرة بالبيانات المفتوحة؟');
  const popular = await ask(bashir, 'Who funds the digital transition, and for how long?');
  const second = await ask(amina, 'ما دور الموظفين في البث المباشر للجلسات؟', true);
  const hidden = await ask(bashir, 'An off-topic remark that must not be shown');
  await vote(amina, popular);
  await vote(bashir, popular);
  await vote(bashir, second);
  await moderate(pinned, { pinned: true });
  await moderate(hidden, { status: 'hidden' });

  const person = await openPageAs(
    browser,
    server.url,
    await inviteLink(server, 'facilitator', scope),
    `/sessions/${sessionId}`,
    'Fatou Facilitator',
  );
  spec.people.push(person);
  const page = person.page;
  await page.setViewportSize(desktop);
  const questions = page.getByTestId('questions');
  await expect(questions.getByTestId('question')).toHaveCount(4);
  await shots(page, 'questions-session-moderator-en');

  // The presenter view, reached from the session page, in Arabic.
  await switchLanguage(page, 'ar');
  await questions.getByRole('link', { name: 'عرض المقدّم' }).click();
  await expect(page).toHaveURL(new RegExp(`/sessions/${sessionId}/present$`));
  await expectDocumentLanguage(page, 'ar');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('مناظرة: البرلمانات المفتوحة');
  // Nothing of the app's navigation on the shared screen.
  await expect(page.locator('.site-header')).toBeHidden();
  const now = page.getByTestId('presenter-now');
  await expect(now).toContainText('كيف تبدأ البرلمانات الصغيرة بالبيانات المفتوحة؟');
  const list = page.getByTestId('presenter-list').getByRole('listitem');
  await expect(list).toHaveCount(2);
  await expect(list.nth(0)).toContainText('صوتان');
  await expect(list.nth(0)).toContainText('Who funds the digital transition');
  await expect(list.nth(1)).toContainText('صوت واحد');
  await expect(page.getByTestId('presenter')).not.toContainText('off-topic');
  await expectNoAxeViolations(page, 'presenter view (ar)');
  await expectNoEnglishLeft(page, 'ar', 'presenter view');
  await shots(page, 'presenter-questions-ar');

  // Live: a third vote moves the second question's count without a reload.
  const third = await join('Carla Núñez');
  await vote(third, second);
  await expect(list.nth(1)).toContainText('صوتان');
  // Answered: it leaves the screen, and nothing is being answered.
  await moderate(pinned, { status: 'answered' });
  await expect(now).toHaveCount(0);
  // The session's other language, chosen on the bar: the room's part speaks it, the bar stays
  // in the presenter's own.
  await page.getByLabel('لغة هذا العرض').selectOption('en');
  await expect(page.locator('.presenter__room')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.presenter__room')).toContainText('Top questions');
  await expect(page.getByRole('link', { name: 'العودة إلى الجلسة' })).toBeVisible();

  // The audience's session page in English, with the counts of what they do not see.
  const audience = await openPageAs(
    browser,
    server.url,
    await inviteLink(server, 'participant', scope),
    `/sessions/${sessionId}`,
    'Dmitri Participant',
  );
  spec.people.push(audience);
  await audience.page.setViewportSize(desktop);
  const seen = audience.page.getByTestId('questions');
  await expect(seen.getByTestId('question-counts')).toHaveText(
    '1 question hidden by the moderators',
  );
  // Two open, and the answered one folded away.
  await expect(seen.getByRole('list').first().getByTestId('question')).toHaveCount(2);
  const answered = seen.getByTestId('answered-questions').locator('summary');
  await expect(answered).toHaveText('1 answered question');
  await answered.click();
  await expectNoAxeViolations(audience.page, 'session page questions (en)');
  await shots(audience.page, 'questions-session-participant-en');
});
