import { expect, test } from '@playwright/test';
import { createInvite } from '@draftroom/server/testing';
import { ServerProcess } from '../fixtures/server.ts';
import { tr } from '../fixtures/locales.ts';

// A newcomer's first steps: without a sign-in they are told an invite link is the way in; the
// join page shows what the link is for, says what to fix in the form, and signs them into their
// group's guide, for good; a link that cannot be used and an unknown guide say what to do next.
let server: ServerProcess;
test.beforeAll(async () => {
  server = await ServerProcess.start();
});
test.afterAll(async () => {
  await server.dispose();
});

test('without a sign-in, the welcome page explains that an invite link is the way in', async ({
  page,
}, testInfo) => {
  await page.goto(server.url);
  const welcome = page.getByTestId('signed-out-home');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Draftroom');
  await expect(page).toHaveTitle('Welcome to Draftroom — Draftroom');
  await expect(page.getByRole('heading', { name: 'How to take part' })).toBeVisible();
  await expect(welcome.getByRole('listitem').first()).toHaveText(tr('en', 'welcome.step1'));
  await expect(welcome).toContainText('There is no password.');
  await expect(welcome).toContainText('Ask the conference organisers for a new one.');
  // Nothing that needs a sign-in is offered: no navigation, no person.
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(page.getByTestId('person-chip')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('welcome.png'), fullPage: true });

  // A page that needs a sign-in says how to get one.
  await page.goto(`${server.url}/programme`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in with your invite link');

  // An unknown address: a not-found page that leads back home.
  await page.goto(`${server.url}/no/such/page`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page.getByTestId('signed-out-home')).toBeVisible();
});

test('a participant joins with the printed link and lands in their group’s guide', async ({
  page,
}, testInfo) => {
  await page.goto(server.link('participant'));

  // What the invitation is: the event, the role and the group.
  await expect(page).toHaveTitle('Join the conference — Draftroom');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    '9th World e-Parliament Conference',
  );
  const summary = page.getByTestId('invite-summary');
  await expect(summary).toContainText(tr('en', 'join.role.participant'));
  await expect(summary).toContainText('This link is for the group \u2068Remote sittings\u2069.');
  await expect(summary).toContainText('The link works until');
  await expect(page.getByRole('heading', { name: 'Your details' })).toBeVisible();

  const name = page.getByLabel('Your name');
  const parliament = page.getByLabel('Parliament or delegation');
  const country = page.getByLabel('Country');
  const language = page.getByLabel('Preferred language');
  await expect(name).toBeVisible();
  await expect(language).toHaveValue('en');
  await page.screenshot({ path: testInfo.outputPath('join.png'), fullPage: true });

  // Empty: each required field says what to enter, and focus goes to the first one.
  await page.getByRole('button', { name: 'Join the conference' }).click();
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription(/Enter your name \(up to 80 characters\)\./);
  await expect(parliament).toHaveAttribute('aria-invalid', 'true');
  await expect(parliament).toHaveAccessibleDescription(
    /Enter your parliament or delegation \(up to 120 characters\)\./,
  );
  await expect(country).toHaveAttribute('aria-invalid', 'true');
  await expect(country).toHaveAccessibleDescription(/Choose your country from the list\.$/);
  // The optional email is not flagged.
  await expect(page.getByLabel('Email (optional)')).toHaveAttribute('aria-invalid', 'false');
  await expect(page).toHaveURL(/\/join\//);
  await page.screenshot({ path: testInfo.outputPath('join-errors.png'), fullPage: true });

  // Fixing a field removes its message.
  await name.fill('Amina Diallo');
  await expect(name).toHaveAttribute('aria-invalid', 'false');
  await parliament.fill('National Assembly of Senegal');
  await country.selectOption('SN');
  await page.getByRole('button', { name: 'Join the conference' }).click();

  // Straight into the group's guide, signed in.
  await expect(page).toHaveURL(/\/g\/[A-Za-z0-9_-]+$/);
  // The page's title comes first; the guide's own text has a heading of level 1 too.
  await expect(page.getByRole('heading', { level: 1 }).first()).toHaveText('Remote sittings');
  await expect(page.getByTestId('guide-context')).toContainText('Remote sittings');
  const editor = page.getByRole('textbox', { name: 'Guide text' });
  await expect(editor).toBeVisible();
  await expect(editor).toHaveAttribute('contenteditable', 'true');
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-synced', 'true');
  const presence = page.getByTestId('presence-list');
  await expect(presence).toContainText('Amina Diallo');
  await expect(presence).toContainText('(you)');
  await expect(page.getByTestId('person-chip')).toContainText('Amina Diallo');
  await expect(page.getByTestId('person-chip')).toContainText('Participant');
  await page.screenshot({ path: testInfo.outputPath('guide-after-join.png') });

  // A reload keeps them signed in (the cookie), in the same guide.
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Guide text' })).toBeVisible();
  await expect(page.getByTestId('presence-list')).toContainText('Amina Diallo');
  await expect(page.getByTestId('person-chip')).toContainText('Amina Diallo');

  // Home lists their group's guide.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'My guides' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your groups');
  const list = page.getByTestId('guide-list');
  await expect(list.getByRole('link', { name: 'Remote sittings' })).toBeVisible();
  await expect(list).toContainText('You can edit');

  // An unknown guide: a not-found page that leads back home.
  await page.goto(`${server.url}/g/no-such-guide`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Guide not found');
  await expect(page.getByTestId('not-found')).toContainText(
    'pick one of your guides on the home page',
  );
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page).toHaveURL(`${server.url}/`);
  await expect(page.getByTestId('guide-list')).toBeVisible();
});

test('a link that cannot be used says why and what to do', async ({ page }, testInfo) => {
  const problem = page.getByTestId('invite-problem');
  const expectProblem = async (messageKey: string) => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'This invite link cannot be used',
    );
    await expect(problem.getByRole('alert')).toHaveText(tr('en', messageKey));
    await expect(problem).toContainText(tr('en', 'join.problemHelp'));
    await expect(page.getByLabel('Your name')).toHaveCount(0);
  };

  // Cut short when copied, and a well-formed token nobody issued.
  await page.goto(`${server.url}/join/abc123`);
  await expectProblem('errors.api.invite_invalid');
  await page.goto(`${server.url}/join/${'A'.repeat(43)}`);
  await expectProblem('errors.api.invite_invalid');

  // Withdrawn by an organiser.
  const revoked = await createInvite(server.organiser, 'participant', {
    type: 'event',
    id: (await server.organiser.expect<{ event: { id: string } }>(200, 'GET', '/api/programme'))
      .event.id,
  });
  await page.goto(`${server.url}${revoked.joinPath}`);
  await expect(page.getByLabel('Your name')).toBeVisible();
  await server.organiser.expect(204, 'DELETE', `/api/invites/${revoked.invite.id}`);
  await page.reload();
  await expectProblem('errors.api.invite_revoked');
  await page.screenshot({ path: testInfo.outputPath('invite-revoked.png') });

  // Used as many times as it allows.
  const single = await createInvite(
    server.organiser,
    'observer',
    { type: 'event', id: revoked.invite.scope.id },
    { maxUses: 1 },
  );
  const response = await page.request.post(
    `${server.url}/api/invites/${single.joinPath.split('/').pop() ?? ''}/join`,
    {
      data: {
        displayName: 'First Observer',
        parliament: 'Parliament of Testland',
        country: 'KE',
        preferredLanguage: 'en',
      },
    },
  );
  expect(response.status()).toBe(201);
  await page.context().clearCookies();
  await page.goto(`${server.url}${single.joinPath}`);
  await expectProblem('errors.api.invite_used_up');
});
