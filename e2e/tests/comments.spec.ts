import { expect, test, type Locator } from '@playwright/test';
import { createCoCreationSession, createGroup } from '@draftroom/server/testing';
import { serverForSpec } from '../fixtures/guideSpec.ts';
import {
  expectConnected,
  expectGuideText,
  guideText,
  inviteLink,
  openPageAs,
  typeAtEnd,
  type Person,
} from '../fixtures/people.ts';
import { expectNoAxeViolations, switchLanguage } from '../fixtures/pages.ts';
import { keepShots } from '../fixtures/shots.ts';

// Issue 13, comments: an observer (who cannot change a word of the guide) comments on a phrase
// while a participant rewrites the sentence around it; the highlight and the quote stay on the
// same words in both browsers, a reply arrives within a second, deleting the words leaves the
// thread as an orphan with its quote, and the panel works from the keyboard alone.
const spec = serverForSpec();

/** Selects `phrase` in the person's editor as a mouse drag would (a DOM selection). */
async function selectPhrase(person: Person, phrase: string): Promise<void> {
  await person.editor.focus();
  await person.editor.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.textContent?.indexOf(wanted) ?? -1;
      if (index < 0) continue;
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + wanted.length);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the editor`);
  }, phrase);
}

const panelOf = (person: Person) => person.page.getByTestId('comments-panel');
const highlightOf = (person: Person) => person.editor.locator('.comment-highlight');
const threadOf = (person: Person): Locator => panelOf(person).getByTestId('comment-thread');

test('an observer comments on words a participant rewrites around; reply, orphan, keyboard, axe', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const server = spec.server;
  const session = await createCoCreationSession(server.organiser, 'Comment on the guides');
  const group = await createGroup(server.organiser, session.id, 'Group Volta');
  const open = async (invite: string, name: string) => {
    const person = await openPageAs(browser, server.url, invite, `/g/${group.guideId}`, name);
    spec.people.push(person);
    await expectConnected(person);
    return person;
  };
  const participant = await open(
    await inviteLink(server, 'participant', { type: 'group', id: group.id }),
    'Amina Diallo',
  );
  const observer = await open(
    await inviteLink(server, 'observer', { type: 'session', id: session.id }),
    'Omar Observer',
  );

  await typeAtEnd(participant, 'The committee shall publish its findings within thirty days.');
  await expectGuideText(observer, 'publish its findings within');
  const before = await guideText(participant);

  // The observer selects the words and starts a comment from the keyboard (Ctrl+Alt+M).
  await selectPhrase(observer, 'publish its findings');
  await observer.page.keyboard.press('Control+Alt+KeyM');
  const form = panelOf(observer).getByTestId('new-comment');
  await expect(form.getByRole('textbox', { name: 'Your comment' })).toBeFocused();
  await observer.page.keyboard.type('Which findings: the interim ones too?');

  // Meanwhile the participant rewrites the sentence around those words.
  await selectPhrase(participant, 'shall');
  await participant.page.keyboard.type('must, in every case,');
  await participant.page.keyboard.press('ControlOrMeta+End');
  await participant.page.keyboard.type(' No exceptions.');
  await expectGuideText(observer, 'must, in every case, publish its findings');

  // From the keyboard: Tab to the group's members and mention one (Space), Tab to "Comment", Enter.
  await observer.page.keyboard.press('Tab');
  await expect(form.getByRole('checkbox', { name: 'Amina Diallo' })).toBeFocused();
  await observer.page.keyboard.press('Space');
  await observer.page.keyboard.press('Tab');
  await expect(form.getByRole('button', { name: 'Comment' })).toBeFocused();
  await observer.page.keyboard.press('Enter');
  await expect(panelOf(observer).getByRole('status')).toHaveText('Your comment was added.');

  // The same words are highlighted and quoted in both browsers.
  for (const person of [observer, participant]) {
    await expect(highlightOf(person)).toHaveText('publish its findings');
    await expect(threadOf(person).locator('blockquote')).toHaveText('publish its findings');
    await expect(threadOf(person).locator('blockquote')).toHaveAttribute('dir', 'auto');
    await expect(threadOf(person)).toContainText('Mentions: Amina Diallo');
  }
  // More rewriting right at the edges: the highlight stays on the words, not the new ones.
  await selectPhrase(participant, 'within');
  await participant.page.keyboard.type('before');
  await expect(highlightOf(observer)).toHaveText('publish its findings');
  await expect(highlightOf(participant)).toHaveText('publish its findings');

  // The observer still cannot change the text.
  await observer.editor.click();
  await observer.page.keyboard.type('OBSERVER TYPED');
  await typeAtEnd(participant, ' Signed.');
  await expectGuideText(observer, 'Signed.');
  expect(await guideText(participant)).not.toContain('OBSERVER TYPED');
  expect(await guideText(observer)).not.toContain('OBSERVER TYPED');
  expect(before).not.toContain('OBSERVER');

  await keepShots(observer.page, testInfo, 'comments-guide-observer-en');

  // A reply reaches the other browser within a second, and is announced there.
  const reply = threadOf(participant).getByRole('textbox', { name: 'Reply' });
  await reply.fill('Only the final report.');
  const sentAt = Date.now();
  await threadOf(participant).getByRole('button', { name: 'Send reply' }).click();
  await expect(threadOf(observer)).toContainText('Only the final report.', { timeout: 1_000 });
  console.log(`reply seen by the other browser after ${Date.now() - sentAt} ms`);
  await expect(panelOf(observer).getByRole('status')).toHaveText('New comment from Amina Diallo.');
  await expectNoAxeViolations(observer.page, 'guide page with a comment (observer)');

  // Resolve and reopen from the keyboard (the observer started the thread).
  const resolve = threadOf(observer).getByRole('button', { name: 'Resolve' });
  await resolve.focus();
  await observer.page.keyboard.press('Enter');
  await expect(threadOf(observer)).toContainText('Resolved by Omar Observer');
  await expect(highlightOf(participant)).toHaveCount(0);
  await threadOf(observer).getByRole('button', { name: 'Reopen' }).focus();
  await observer.page.keyboard.press('Enter');
  await expect(highlightOf(participant)).toHaveText('publish its findings');

  // Arabic: the panel and the highlight, right to left.
  await switchLanguage(observer.page, 'ar');
  await expect(panelOf(observer).locator('summary')).toContainText('التعليقات (مناقشة واحدة)');
  await keepShots(observer.page, testInfo, 'comments-guide-observer-ar');
  await expectNoAxeViolations(observer.page, 'guide page with a comment (observer, Arabic)');
  await switchLanguage(observer.page, 'en');

  // The participant deletes the commented words: the thread stays, with its quote, as an orphan.
  await selectPhrase(participant, 'publish its findings');
  await participant.page.keyboard.press('Backspace');
  for (const person of [participant, observer]) {
    await expect(highlightOf(person)).toHaveCount(0);
    await expect(threadOf(person).getByTestId('comment-orphan')).toHaveText(
      'The text was removed.',
    );
    await expect(threadOf(person).locator('blockquote')).toHaveText('publish its findings');
  }
});
