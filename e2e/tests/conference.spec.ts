import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import {
  guideIdOf,
  guideOn,
  joinWithForm,
  openGuideInNewTab,
  type JoinDetails,
} from '../fixtures/joining.ts';
import { OrganiserScreens } from '../fixtures/organiser.ts';
import { expectNoAxeViolations, keepFullPageScreenshot } from '../fixtures/pages.ts';
import {
  expectConnected,
  expectGuideText,
  guideText,
  typeAtEnd,
  type Person,
} from '../fixtures/people.ts';
import { ServerProcess } from '../fixtures/server.ts';
import { tr } from '../fixtures/locales.ts';

// The conference model in a real browser, as people use it: an organiser sets up a co-creation
// session with two groups and invites people; participants join with the link and land in
// groups (one chooses hers, "Balance automatically" places another, the organiser places the
// third by hand); each writes only in their own group's guide; an observer follows live without
// being able to change anything; a revoked person is disconnected at once; and the programme and
// the workspace work in Arabic (screenshots and axe).
//
// The steps build on each other (one conference, one server), so they run in order and a failed
// step skips the rest.
test.describe.configure({ mode: 'serial' });

const organiserName = 'Oksana Petrenko';
const sessionTitle = 'Co-creating guides on digital parliaments';
const groupA = 'Remote sittings in practice';
const groupB = 'Committees online';
const amaraDetails: JoinDetails = {
  name: 'Amara Nwosu',
  parliament: 'National Assembly of Nigeria',
  country: 'Nigeria',
  email: 'amara.nwosu@example.org',
};
const boDetails: JoinDetails = {
  name: 'Bo Lindqvist',
  parliament: 'Riksdag',
  country: 'Sweden',
  language: 'English',
};
const chenDetails: JoinDetails = {
  name: 'Chen Wei',
  parliament: 'Parliament of Singapore',
  country: 'Singapore',
};
const amaraText = 'Rehearse every remote sitting the day before.';
const boText = 'Committees answer citizens within two working days.';

let server: ServerProcess;
const contexts: BrowserContext[] = [];
let organiser: OrganiserScreens;
let sessionId: string;
let participantLink: string;
let amara: Person;
let bo: Person;
let guideA: string;
let guideB: string;
/** The organiser's tab on group B's guide: someone else who would see Bo's typing. */
let organiserOnB: Person;

test.beforeAll(async () => {
  server = await ServerProcess.start();
});
test.afterAll(async () => {
  try {
    for (const context of contexts.splice(0)) await context.close();
  } finally {
    // Even if closing a browser failed: never leave a server process behind.
    await server.dispose();
  }
});

interface SessionDetail {
  groups: { name: string; guideId: string; members: { displayName: string }[] }[];
}

/** Who is in which group, as the server has it. */
async function membersByGroup(): Promise<Record<string, string[]>> {
  const detail = await server.organiser.expect<SessionDetail>(
    200,
    'GET',
    `/api/sessions/${sessionId}`,
  );
  return Object.fromEntries(
    detail.groups.map((group) => [group.name, group.members.map((m) => m.displayName).sort()]),
  );
}

/** The organiser opens a guide in a new tab: what it shows once synced is the server's state. */
function organiserOpens(guideId: string): Promise<Person> {
  return openGuideInNewTab(organiser.page.context(), server.url, guideId, organiserName);
}

/** From the programme to the session's page, then one group's card on it. */
async function groupCardOnSessionPage(page: Page, groupName: string) {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Programme' })
    .click();
  await page.getByRole('link', { name: sessionTitle }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(sessionTitle);
  return page
    .getByTestId('group-card')
    .filter({ has: page.getByRole('heading', { name: groupName, exact: true }) });
}

test('an organiser sets up a session with two groups and a participant invite link', async ({
  browser,
}) => {
  // Signed in through the organiser link the demo printed, with the join form. The clipboard
  // is allowed so the "Copy link" button can be used and read back.
  const { context, page } = await joinWithForm(
    browser,
    server.link('organiser'),
    { name: organiserName, parliament: 'Inter-Parliamentary Union', country: 'Switzerland' },
    'You are invited as an organiser',
    { permissions: ['clipboard-read', 'clipboard-write'] },
  );
  contexts.push(context);
  organiser = new OrganiserScreens(page);

  await organiser.createCoCreationSession(sessionTitle, { selfSelect: true });
  sessionId = await organiser.openSessionGroups(sessionTitle);
  await expect(
    page.getByText('Participants of this session can also choose their own group.'),
  ).toBeVisible();
  await organiser.addGroup(groupA);
  await organiser.addGroup(groupB);
  expect(await membersByGroup()).toEqual({ [groupA]: [], [groupB]: [] });

  participantLink = await organiser.createSessionInvite({
    role: 'Participant',
    sessionTitle,
    label: 'Workshop participants',
  });
});

test('participants join with the link and land in groups by choice, balancing and by hand', async ({
  browser,
}) => {
  // Amara chooses her group on the session page.
  const first = await joinWithForm(
    browser,
    participantLink,
    amaraDetails,
    'You are invited as a participant',
  );
  contexts.push(first.context);
  const cardA = await groupCardOnSessionPage(first.page, groupA);
  await cardA.getByRole('button', { name: /^Join this group/ }).click();
  await expect(first.page.getByTestId('self-select-status')).toContainText(
    'You are now in the group',
  );
  await expect(cardA.getByText('Your group')).toBeVisible();
  await expect(first.page.getByRole('button', { name: /^Join this group/ })).toHaveCount(0);
  await cardA.getByRole('link', { name: /^Open the guide/ }).click();
  amara = guideOn(amaraDetails.name, first.page);
  await expectConnected(amara);
  guideA = guideIdOf(amara.page);

  // Chen leaves it to the organiser's "Balance automatically", which evens the groups out.
  const third = await joinWithForm(browser, participantLink, chenDetails, 'as a participant');
  contexts.push(third.context);
  await organiser.openSessionGroups(sessionTitle);
  await expect(organiser.page.getByRole('table', { name: `Members of ${groupA}` })).toContainText(
    amaraDetails.name,
  );
  const placed = await organiser.balanceAutomatically(1);
  await expect(placed.getByRole('row').filter({ hasText: chenDetails.name })).toContainText(groupB);

  // Bo does not choose: the organiser places him by hand, in the other group than Amara's.
  const second = await joinWithForm(browser, participantLink, boDetails, 'as a participant');
  contexts.push(second.context);
  await organiser.openSessionGroups(sessionTitle);
  await organiser.assignByHand(boDetails.name, groupB);

  // Bo finds his group's guide under "My guides".
  await second.page.getByRole('link', { name: 'My guides' }).click();
  await second.page.getByTestId('guide-list').getByRole('link', { name: groupB }).click();
  bo = guideOn(boDetails.name, second.page);
  await expectConnected(bo);
  guideB = guideIdOf(bo.page);

  expect(guideB).not.toBe(guideA);
  expect(await membersByGroup()).toEqual({
    [groupA]: [amaraDetails.name],
    [groupB]: [boDetails.name, chenDetails.name],
  });
});

test("each participant writes in their own group's guide only", async () => {
  await typeAtEnd(amara, amaraText);
  await typeAtEnd(bo, boText);
  for (const person of [amara, bo])
    await expect(person.status).toHaveAttribute('data-pending', '0');
  await expectGuideText(amara, amaraText);
  await expectGuideText(bo, boText);

  // The other group's guide is not theirs: the page says whose it is (not "not found"), no
  // editor, and the API refuses it (403; another event's people get 404, authorization.test.ts).
  for (const [person, othersGuide] of [
    [amara, guideB],
    [bo, guideA],
  ] as const) {
    const tab = await person.context.newPage();
    await tab.goto(`${server.url}/g/${othersGuide}`);
    await expect(tab.getByTestId('guide-elsewhere')).toBeVisible();
    await expect(tab.getByRole('heading', { level: 1 })).toHaveText(
      'This guide belongs to another group',
    );
    await expect(tab.getByRole('textbox', { name: 'Guide text' })).toHaveCount(0);
    expect((await tab.request.get(`${server.url}/api/guides/${othersGuide}`)).status()).toBe(403);
    await tab.close();
  }

  // What the server holds, as the organiser loads each guide fresh: each text in its own guide.
  const organiserOnA = await organiserOpens(guideA);
  await expectGuideText(organiserOnA, amaraText);
  expect(await guideText(organiserOnA)).not.toContain(boText);
  await organiserOnA.page.close();
  organiserOnB = await organiserOpens(guideB);
  await expectGuideText(organiserOnB, boText);
  expect(await guideText(organiserOnB)).not.toContain(amaraText);
  // And neither participant ever saw the other's text.
  expect(await guideText(amara)).not.toContain(boText);
  expect(await guideText(bo)).not.toContain(amaraText);
});

test('an observer follows a guide live but cannot change it', async ({ browser }) => {
  const observerLink = await organiser.createSessionInvite({
    role: 'Observer',
    sessionTitle,
    label: 'Workshop observers',
  });
  const joined = await joinWithForm(
    browser,
    observerLink,
    { name: 'Inês Ferreira', parliament: 'Assembleia da República', country: 'Portugal' },
    'You are invited as an observer',
  );
  contexts.push(joined.context);
  const cardA = await groupCardOnSessionPage(joined.page, groupA);
  await expect(joined.page.getByRole('button', { name: /^Join this group/ })).toHaveCount(0);
  // Observers are offered to read the guide, not to open it for editing.
  const guideLink = cardA.getByRole('link', { name: /the guide/ });
  await expect(guideLink).toContainText('Read the guide');
  await guideLink.click();
  const observer = guideOn('Inês Ferreira', joined.page);
  await expectConnected(observer);
  expect(guideIdOf(observer.page)).toBe(guideA);

  await expect(observer.page.getByTestId('read-only-note')).toHaveText(tr('en', 'editor.readOnly'));
  await expect(observer.editor).toHaveAttribute('contenteditable', 'false');
  await expect(observer.editor).toHaveAttribute('aria-readonly', 'true');
  await expect(observer.page.getByRole('toolbar', { name: 'Formatting' })).toHaveCount(0);
  await expectGuideText(observer, amaraText);

  // Amara's typing appears live for the observer.
  const liveLine = ' Keep a technical officer on an open line.';
  await typeAtEnd(amara, liveLine);
  await expectGuideText(observer, amaraText + liveLine);

  // The observer tries to type, delete and add a paragraph: nothing changes on their page…
  const before = await guideText(observer);
  await observer.editor.click();
  await observer.page.keyboard.press('ControlOrMeta+End');
  await observer.page.keyboard.type('The observer tries to write.');
  await observer.page.keyboard.press('Backspace');
  await observer.page.keyboard.press('Enter');
  expect(await guideText(observer)).toBe(before);
  await expect(observer.status).toHaveAttribute('data-pending', '0');
  // …nor on the server: once the observer's tab has closed (its socket delivered everything it
  // had to send), a fresh load of the guide holds exactly what Amara wrote.
  await observer.page.close();
  const fresh = await organiserOpens(guideA);
  await expect.poll(() => guideText(fresh)).toBe(before);
  await fresh.page.close();
  await expect.poll(() => guideText(amara)).toBe(before);
});

test('a participant whose sign-ins are revoked is disconnected at once', async () => {
  await expectConnected(bo);
  await expectConnected(organiserOnB);
  await organiser.revokeSignIns(boDetails.name);

  // Bo's open guide says why, in words, and stops editing.
  const problem = bo.page.getByTestId('collab-problem');
  await expect(problem).toHaveRole('alert');
  await expect(problem).toContainText(tr('en', 'collabProblem.unauthenticated'));
  await expect(bo.editor).toHaveAttribute('contenteditable', 'false');
  await expect(bo.page.getByText(tr('en', 'editor.stopped'))).toBeVisible();
  await expect(bo.status).toContainText(tr('en', 'connection.stopped'));

  // What Bo types now reaches nobody.
  const afterRevocation = 'Typed after the revocation.';
  await bo.editor.click();
  await bo.page.keyboard.press('ControlOrMeta+End');
  await bo.page.keyboard.type(afterRevocation);
  expect(await guideText(bo)).not.toContain(afterRevocation);
  expect(await guideText(organiserOnB)).not.toContain(afterRevocation);

  // Reloading: the guide asks him to sign in with an invite link, and home is the welcome page.
  await bo.page.reload();
  await expect(bo.page.getByTestId('signed-out')).toBeVisible();
  await expect(bo.page.getByRole('heading', { level: 1 })).toHaveText(tr('en', 'signedOut.title'));
  await expect(bo.editor).toHaveCount(0);
  await bo.page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(bo.page.getByTestId('signed-out-home')).toBeVisible();
  await expect(bo.page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);

  // The server kept what Bo wrote before, and nothing after.
  await organiserOnB.page.reload();
  await expectConnected(organiserOnB);
  await expectGuideText(organiserOnB, boText);
  expect(await guideText(organiserOnB)).not.toContain(afterRevocation);
});

test('the programme and the workspace render correctly in Arabic', async () => {
  const testInfo = test.info();
  // Amara switches her language with the menu in the header, on her guide.
  await amara.page.getByTestId('language-menu-button').click();
  await amara.page.getByRole('menuitemradio', { name: 'العربية' }).click();
  const html = amara.page.locator('html');
  await expect(html).toHaveAttribute('dir', 'rtl');
  await expect(html).toHaveAttribute('lang', 'ar');

  const amaraInArabic = guideOn(amara.name, amara.page, tr('ar', 'editor.label'));
  await amaraInArabic.editor.click();
  await amara.page.keyboard.press('ControlOrMeta+End');
  await amara.page.keyboard.press('Enter');
  await amara.page.keyboard.type('يتدرب الأعضاء على الجلسة عن بعد قبل يوم.');
  await expectConnected(amaraInArabic);
  await expect(amaraInArabic.status).toHaveAttribute('data-pending', '0');
  await expect(amaraInArabic.status).toContainText(tr('ar', 'connection.connected'));
  await expect(amara.page.getByTestId('presence-list')).toContainText(amaraDetails.name);
  // The choice is saved on her profile, not only in this browser.
  await expect
    .poll(async () => {
      const { people } = await server.organiser.expect<{
        people: { displayName: string; preferredLanguage: string }[];
      }>(200, 'GET', '/api/people');
      return people.find((p) => p.displayName === amaraDetails.name)?.preferredLanguage;
    })
    .toBe('ar');
  await keepFullPageScreenshot(amara.page, testInfo, 'guide-workspace-ar.png');
  await expectNoAxeViolations(amara.page, 'guide workspace (ar)');

  // The programme, reached from the header, in a fresh page load (the language comes back).
  await amara.page.goto(`${server.url}/programme`);
  await expect(html).toHaveAttribute('dir', 'rtl');
  await expect(html).toHaveAttribute('lang', 'ar');
  await expect(amara.page.getByRole('heading', { level: 1 })).toHaveText(
    tr('ar', 'programme.title'),
  );
  await expect(amara.page.getByRole('link', { name: sessionTitle })).toBeVisible();
  await expect(amara.page.getByTestId('programme-session')).toHaveCount(6);
  await keepFullPageScreenshot(amara.page, testInfo, 'programme-ar.png');
  await expectNoAxeViolations(amara.page, 'programme (ar)');
});
