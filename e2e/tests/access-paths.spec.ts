import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createCoCreationSession, createGroup, createInvite } from '@draftroom/server/testing';
import { expectNoAxeViolations } from '../fixtures/pages.ts';
import { ServerProcess } from '../fixtures/server.ts';

// Where people land and what they are offered: a participant invited to one session starts on
// that session's group chooser and is offered "Join this group" only where the server would let
// them; opening another group's guide says whose it is and whom to ask, while an unknown guide
// is still "not found".
test.describe.configure({ mode: 'serial' });

let server: ServerProcess;
const contexts: BrowserContext[] = [];
let chooseSessionId: string;
let otherSessionId: string;
let otherGuideId: string;

test.beforeAll(async () => {
  server = await ServerProcess.start();
  const choose = await createCoCreationSession(server.organiser, 'Choose your group', {
    selfSelect: true,
  });
  chooseSessionId = choose.id;
  await createGroup(server.organiser, choose.id, 'Open data');
  await createGroup(server.organiser, choose.id, 'Petitions');
  const other = await createCoCreationSession(server.organiser, 'Another workshop', {
    selfSelect: true,
  });
  otherSessionId = other.id;
  otherGuideId = (await createGroup(server.organiser, other.id, 'Budget scrutiny')).guideId;
});
test.afterAll(async () => {
  try {
    for (const context of contexts.splice(0)) await context.close();
  } finally {
    await server.dispose();
  }
});

/** Joins through the form in a fresh browser; returns the page where joining led. */
async function joinInBrowser(browser: Browser, link: string, name: string): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Parliament or delegation').fill('Storting');
  await page.getByLabel('Country', { exact: true }).selectOption({ label: 'Norway' });
  await page.getByRole('button', { name: 'Join the conference' }).click();
  await expect(page.getByTestId('person-chip')).toContainText(name);
  return page;
}

test('a participant invited to one session lands on its group chooser, offered only what they may do', async ({
  browser,
}) => {
  const invite = await createInvite(server.organiser, 'participant', {
    type: 'session',
    id: chooseSessionId,
  });
  const page = await joinInBrowser(browser, `${server.url}${invite.joinPath}`, 'Ingrid Berg');
  await expect(page).toHaveURL(new RegExp(`/sessions/${chooseSessionId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose your group');
  await expect(page.getByRole('button', { name: /Join this group/ })).toHaveCount(2);
  await expectNoAxeViolations(page, 'group chooser');

  // Another session lets participants choose too, but not this person (their invite is for the
  // first session): no button that would only fail.
  await page.goto(`${server.url}/sessions/${otherSessionId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Another workshop');
  await expect(page.getByTestId('group-card')).toHaveCount(1);
  await expect(page.getByRole('button', { name: /Join this group/ })).toHaveCount(0);

  // Back on their session, choosing works, and the other group's button goes.
  await page.goto(`${server.url}/sessions/${chooseSessionId}`);
  await page.getByRole('button', { name: /Join this group — Open data/ }).click();
  await expect(page.getByTestId('self-select-status')).toContainText('You are now in the group');
  await expect(page.getByRole('button', { name: /Join this group/ })).toHaveCount(0);
});

test('an observer is offered no "Join this group" either', async ({ browser }) => {
  const invite = await createInvite(server.organiser, 'observer', {
    type: 'session',
    id: chooseSessionId,
  });
  const page = await joinInBrowser(browser, `${server.url}${invite.joinPath}`, 'Olav Observer');
  await page.goto(`${server.url}/sessions/${chooseSessionId}`);
  await expect(page.getByTestId('group-card')).toHaveCount(2);
  await expect(page.getByRole('button', { name: /Join this group/ })).toHaveCount(0);
});

test("another group's guide says whose it is and whom to ask; an unknown guide is not found", async ({
  browser,
}) => {
  const invite = await createInvite(server.organiser, 'participant', {
    type: 'event',
    id: (await server.organiser.expect<{ event: { id: string } }>(200, 'GET', '/api/programme'))
      .event.id,
  });
  const page = await joinInBrowser(browser, `${server.url}${invite.joinPath}`, 'Pia Lund');
  await page.goto(`${server.url}/g/${otherGuideId}`);
  const notice = page.getByTestId('guide-elsewhere');
  await expect(notice).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'This guide belongs to another group',
  );
  await expect(notice).toContainText('facilitator');
  await expect(notice).toContainText('organisers');
  await expect(page.getByText('does not exist')).toHaveCount(0);
  await expectNoAxeViolations(page, "another group's guide");

  await page.goto(`${server.url}/g/unknownguide123`);
  await expect(page.getByTestId('not-found')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Guide not found');
});
