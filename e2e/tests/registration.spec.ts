import {
  expect,
  test,
  type Browser,
  type Locator,
  type Page,
  type TestInfo,
} from '@playwright/test';
import { startSmtpCapture, type SmtpCapture } from '@draftroom/server/testing';
import { checkPage, expectNoAxeViolations, switchLanguage } from '../fixtures/pages.ts';
import { ServerProcess } from '../fixtures/server.ts';
import { keepShots } from '../fixtures/shots.ts';

// Issue 16, registration of delegations: the organiser opens registration and invites a
// parliament in the browser; its focal point (not signed in) registers three delegates, is told
// in their language that two share an email, saves, edits; once the deadline is past, a save is
// refused with whom to write to; the organiser approves two and declines one; the two sign-in
// emails reach a real SMTP server in the delegates' languages and their links sign them in. The
// public page starts a delegation and shows its private link once. Arabic and axe on each page.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const contactEmail = 'registration@wepc.example';
let smtp: SmtpCapture;
let server: ServerProcess;

test.beforeAll(async () => {
  smtp = await startSmtpCapture();
  server = await ServerProcess.start({
    env: { SMTP_URL: smtp.url, MAIL_FROM: 'Draftroom <noreply@wepc.example>', MAIL_POLL_MS: '500' },
  });
  // Whom a closed link tells the focal point to write to.
  await server.organiser.expect(200, 'PUT', '/api/event', {
    name: '9th World e-Parliament Conference',
    startsOn: '2021-06-16',
    endsOn: '2021-06-18',
    timeZone: 'Europe/Zurich',
    languages: ['en', 'fr', 'es', 'ar'],
    contactEmail,
  });
});

test.afterAll(async () => {
  await server?.dispose();
  await smtp?.stop();
});

/** The organiser in a browser of their own, with the cookie of their own sign-in. */
async function organiserPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const [name = '', value = ''] = server.organiser.cookie.split('=');
  await context.addCookies([{ name, value, url: server.url }]);
  const page = await context.newPage();
  await page.goto(`${server.url}/organise`);
  await page
    .getByRole('navigation', { name: 'Organiser sections' })
    .getByRole('link', { name: 'Registration', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registration');
  return page;
}

/** Someone who is not signed in (a focal point), in a fresh browser. */
async function visitorPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function shots(page: Page, testInfo: TestInfo, name: string) {
  await keepShots(page, testInfo, name);
}

interface DelegateDetails {
  name: string;
  functionName: string;
  email: string;
  languages: string[];
  audiences: string[];
  writeIn: string;
}

async function fillDelegate(row: Locator, delegate: DelegateDetails) {
  await row.getByLabel('Full name').fill(delegate.name);
  await row.getByLabel('Function').fill(delegate.functionName);
  await row.getByLabel('Email address').fill(delegate.email);
  for (const language of delegate.languages) {
    await row.getByRole('checkbox', { name: language, exact: true }).check();
  }
  for (const audience of delegate.audiences) {
    await row.getByRole('checkbox', { name: audience, exact: true }).check();
  }
  await row.getByLabel('Language to write to them in').selectOption({ label: delegate.writeIn });
}

const amina: DelegateDetails = {
  name: 'Amina Wanjiru',
  functionName: 'Member of Parliament',
  email: 'amina@bunge.example',
  languages: ['French'],
  audiences: ['Social media', 'Citizen engagement'],
  writeIn: 'French',
};
const bashir: DelegateDetails = {
  name: 'بشير حداد',
  functionName: 'Head of ICT',
  email: 'bashir@bunge.example',
  languages: ['Arabic'],
  audiences: ['Digital and ICT'],
  writeIn: 'Arabic',
};
const carla: DelegateDetails = {
  name: 'Carla Méndez',
  functionName: 'Librarian',
  // Amina's address in other letters: the same email, which the page must catch.
  email: 'AMINA@bunge.example',
  languages: ['Spanish'],
  audiences: ['Library and research'],
  writeIn: 'Spanish',
};

test('a focal point registers and edits a delegation, is refused after the deadline; approved delegates get their emails, sign in and find the sessions for their audiences marked', async ({
  browser,
}, testInfo) => {
  const organiser = await organiserPage(browser);

  // Registration open until next year (on the event's clock), then a parliament invited.
  const nextYear = new Date().getUTCFullYear() + 1;
  await organiser.getByRole('checkbox', { name: 'Registration is open' }).check();
  await organiser.getByLabel('Deadline (Europe/Zurich time)').fill(`${nextYear}-06-10T18:00`);
  await organiser.getByRole('button', { name: 'Save the settings' }).click();
  await expect(organiser.getByText('Registration settings saved.')).toBeVisible();
  await expect(organiser.getByTestId('registration-state')).toHaveText(
    'Registration is open: the links take changes.',
  );

  const invite = organiser.getByRole('region', { name: 'Invite a parliament' });
  await invite.getByLabel('Parliament', { exact: true }).fill('National Assembly of Kenya');
  await invite.getByLabel('Country', { exact: true }).selectOption({ label: 'Kenya' });
  await invite.getByLabel('Focal point’s name').fill('Wanjiku Focal');
  await invite.getByLabel('Focal point’s email address').fill('focal@bunge.example');
  await invite.getByRole('button', { name: 'Invite and make the link' }).click();
  const shown = organiser.getByTestId('new-registration-link');
  await expect(shown.getByRole('heading', { name: 'Registration link made' })).toBeFocused();
  const link = await shown
    .getByLabel('Registration link for National Assembly of Kenya')
    .inputValue();
  expect(link).toMatch(new RegExp(`^${server.url}/register/[A-Za-z0-9_-]{43}$`));
  await expectNoAxeViolations(organiser, 'organiser registration page (en)');

  // The focal point opens the link, not signed in: the event, the deadline, their delegation.
  const focal = await visitorPage(browser, link);
  await expect(focal.getByRole('heading', { level: 1 })).toHaveText('Register your delegation');
  await expect(focal.getByText('National Assembly of Kenya')).toBeVisible();
  await expect(focal.getByTestId('registration-deadline')).toContainText(
    `Registration is open until June 10, ${nextYear}`,
  );
  await expect(focal.getByLabel('Your name')).toHaveValue('Wanjiku Focal');

  // Three delegates; the third repeats the first one's email, the second's is mistyped.
  for (const [index, delegate] of [amina, bashir, carla].entries()) {
    await focal.getByRole('button', { name: 'Add a delegate' }).click();
    const row = focal.getByTestId('delegate-row').nth(index);
    await expect(row.getByLabel('Full name')).toBeFocused();
    await fillDelegate(row, delegate);
  }
  const rows = focal.getByTestId('delegate-row');
  await rows.nth(1).getByLabel('Email address').fill('bashir@');
  await focal.getByRole('button', { name: 'Save the delegation' }).click();
  // Nothing was sent: each problem is under its field, focus on the first.
  await expect(rows.nth(1).getByLabel('Email address')).toBeFocused();
  await expect(rows.nth(1)).toContainText(
    'Enter an email address such as team@parliament.example.',
  );
  await expect(rows.nth(2)).toContainText(
    'Delegate 1 already has this email address: each delegate needs their own.',
  );
  await expect(rows.nth(2).getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');

  await rows.nth(1).getByLabel('Email address').fill(bashir.email);
  await rows.nth(2).getByLabel('Email address').fill('carla@bunge.example');
  await expect(focal.getByText('You have changes that are not saved yet.')).toBeVisible();
  await focal.getByRole('button', { name: 'Save the delegation' }).click();
  await expect(focal.getByText('Delegation saved: 3 delegates registered.')).toBeVisible();
  await expect(focal.getByText('You have changes that are not saved yet.')).toBeHidden();
  await expect(rows.nth(0)).toContainText('Waiting for approval');
  await expectNoAxeViolations(focal, 'focal point page (en)');
  await shots(focal, testInfo, 'focal-point-en');

  // Edited: a new function for Carla, kept after a reload.
  await rows.nth(2).getByLabel('Function').fill('Chief Librarian');
  await focal.getByRole('button', { name: 'Save the delegation' }).click();
  await expect(focal.getByText('Delegation saved: 3 delegates registered.')).toBeVisible();
  await focal.reload();
  await expect(focal.getByTestId('delegate-row').nth(2).getByLabel('Function')).toHaveValue(
    'Chief Librarian',
  );

  // The same page in Arabic: right to left, every label translated, names in their own direction.
  await switchLanguage(focal, 'ar');
  await expect(focal.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(focal.getByRole('heading', { level: 1 })).toHaveText('تسجيل وفدكم');
  await expect(focal.getByRole('button', { name: 'حفظ الوفد' })).toBeVisible();
  await checkPage(focal, 'ar', 'focal point page');
  await shots(focal, testInfo, 'focal-point-ar');
  await switchLanguage(focal, 'en');

  // The organiser sees the delegation come in, and moves the deadline into the past.
  await organiser.reload();
  const kenya = organiser.getByRole('region', { name: 'National Assembly of Kenya' });
  await expect(kenya.getByTestId('registration-delegate')).toHaveCount(3);
  await expect(organiser.getByTestId('registration-counts')).toContainText(
    // The demo's invited parliament (Ghana) has registered nobody yet.
    '3 delegates from 2 parliaments shown',
  );
  await organiser.getByLabel('Deadline (Europe/Zurich time)').fill('2021-06-01T18:00');
  await organiser.getByRole('button', { name: 'Save the settings' }).click();
  await expect(organiser.getByTestId('registration-state')).toContainText(
    'The deadline has passed',
  );

  // The focal point's next save is refused, saying when it closed and whom to write to.
  await focal.getByTestId('delegate-row').nth(0).getByLabel('Function').fill('Speaker');
  await focal.getByRole('button', { name: 'Save the delegation' }).click();
  const closed = focal.getByTestId('registration-closed');
  await expect(closed).toBeFocused();
  await expect(closed).toContainText('Registration closed on June 1, 2021');
  await expect(closed).toContainText(`To change your delegation, write to ${contactEmail}`);
  await expect(focal.getByRole('button', { name: 'Save the delegation' })).toHaveCount(0);
  // Read-only, as registered: the refused change is not there.
  await expect(focal.getByText('Member of Parliament')).toBeVisible();
  await expect(focal.getByText('Speaker')).toHaveCount(0);
  await shots(focal, testInfo, 'focal-point-closed-en');

  // The organiser approves Amina and Bashir, declines Carla.
  const rowOf = (name: string) =>
    kenya.getByTestId('registration-delegate').filter({ hasText: name });
  await rowOf(amina.name)
    .getByRole('button', { name: `Approve ${amina.name}` })
    .click();
  await expect(organiser.getByText(`${amina.name} approved.`)).toBeVisible();
  await rowOf(bashir.name)
    .getByRole('button', { name: `Approve ${bashir.name}` })
    .click();
  await expect(organiser.getByText(`${bashir.name} approved.`)).toBeVisible();
  await rowOf(carla.name)
    .getByRole('button', { name: `Decline ${carla.name}` })
    .click();
  await expect(organiser.getByText(`${carla.name} declined.`)).toBeVisible();

  // Two emails, each in the delegate's language, each with a personal link.
  const messages = await smtp.waitForMessages(2, 30_000);
  const toAmina = messages.find((message) => message.to.includes(amina.email));
  const toBashir = messages.find((message) => message.to.includes(bashir.email));
  expect(toAmina?.subject).toBe('Votre lien de connexion pour 9th World e-Parliament Conference');
  expect(toBashir?.subject).toBe('رابط الدخول الخاص بك إلى 9th World e-Parliament Conference');
  expect(messages.some((message) => message.to.includes('carla@bunge.example'))).toBe(false);

  // Their status reads "Sent" once the outbox has sent them.
  await expect(async () => {
    await organiser.reload();
    await expect(rowOf(amina.name).getByTestId('delegate-mail')).toContainText('Sent', {
      timeout: 1000,
    });
  }).toPass({ timeout: 20_000 });
  await expect(rowOf(bashir.name).getByTestId('delegate-mail')).toContainText('Sent');
  await expect(rowOf(carla.name)).toContainText('Declined');
  await expectNoAxeViolations(organiser, 'organiser registrations with decisions (en)');
  await shots(organiser, testInfo, 'organiser-registration-en');
  await switchLanguage(organiser, 'ar');
  await expect(organiser.getByRole('heading', { level: 1 })).toHaveText('التسجيل');
  await checkPage(organiser, 'ar', 'organiser registration page with decisions');
  await shots(organiser, testInfo, 'organiser-registration-ar');
  await switchLanguage(organiser, 'en');

  // Kenya alone is reopened: its link takes changes again, but an approved delegate's name and
  // email are now the organisers' (shown read-only, and she cannot be removed).
  await kenya.getByText('Link and deadline for this parliament').click();
  await kenya.getByLabel('Reopen until (Europe/Zurich time)').fill(`${nextYear}-01-15T12:00`);
  await kenya.getByRole('button', { name: 'Reopen National Assembly of Kenya' }).click();
  await expect(
    organiser.getByText('National Assembly of Kenya can change its delegation until'),
  ).toBeVisible();
  await focal.reload();
  await expect(focal.getByTestId('registration-deadline')).toContainText(
    `Registration is open until January 15, ${nextYear}`,
  );
  const aminaRow = focal.getByTestId('delegate-row').nth(0);
  await expect(aminaRow).toContainText('Approved');
  await expect(aminaRow.getByLabel('Full name')).toHaveAttribute('readonly', '');
  await expect(aminaRow.getByLabel('Email address')).toHaveAttribute('readonly', '');
  await expect(aminaRow.getByRole('button', { name: /^Remove delegate 1/ })).toHaveCount(0);
  await expect(
    focal
      .getByTestId('delegate-row')
      .nth(2)
      .getByRole('button', { name: /^Remove delegate 3/ }),
  ).toBeVisible();

  // Amina's link signs her in: the join page knows her, one click and she is in.
  const signInLink = /https?:\/\/\S+\/join\/[A-Za-z0-9_-]+/.exec(toAmina?.text ?? '')?.[0];
  expect(signInLink, toAmina?.text).toBeTruthy();
  const delegate = await visitorPage(browser, signInLink ?? '');
  await expect(delegate.getByLabel('Your name')).toHaveValue(amina.name);
  await delegate.getByRole('button', { name: 'Join the conference' }).click();
  await expect(delegate.getByTestId('person-chip')).toContainText(amina.name);

  // Her programme marks the sessions for the audiences her focal point gave (social media,
  // citizen engagement), in the language chosen for her, and not the others.
  await delegate.goto(new URL('/programme', signInLink ?? '').toString());
  const sessionLine = (title: string) =>
    delegate.getByTestId('programme-session').filter({ hasText: title });
  await expect(
    sessionLine('Trust, disinformation and social media').getByText('Pour vos publics'),
  ).toBeVisible();
  await expect(
    sessionLine('Research services for a virtual parliament').getByText('Pour vos publics'),
  ).toHaveCount(0);

  for (const page of [organiser, focal, delegate]) await page.context().close();
});

test('the public page starts a delegation and shows its private link once', async ({
  browser,
}, testInfo) => {
  const organiser = await organiserPage(browser);
  const nextYear = new Date().getUTCFullYear() + 1;
  await organiser.getByLabel('Deadline (Europe/Zurich time)').fill(`${nextYear}-06-10T18:00`);
  await organiser.getByRole('checkbox', { name: 'Offer a public registration page' }).check();
  await organiser.getByRole('button', { name: 'Save the settings' }).click();
  await expect(organiser.getByText('Registration settings saved.')).toBeVisible();
  const publicLink = await organiser
    .getByLabel('Link to the public registration page')
    .inputValue();
  expect(publicLink).toMatch(/\/register\/open\/[A-Za-z0-9_-]{43}$/);

  const focal = await visitorPage(browser, publicLink);
  await expect(focal.getByRole('heading', { level: 1 })).toHaveText('Register a delegation');
  await expectNoAxeViolations(focal, 'public registration page (en)');
  await shots(focal, testInfo, 'public-page-en');
  await switchLanguage(focal, 'ar');
  await expect(focal.getByRole('heading', { level: 1 })).toHaveText('تسجيل وفد');
  await checkPage(focal, 'ar', 'public registration page');
  await shots(focal, testInfo, 'public-page-ar');
  await switchLanguage(focal, 'en');

  // Nothing filled in: refused in the browser, each field says what it needs.
  await focal.getByRole('button', { name: 'Start the registration' }).click();
  await expect(focal.getByLabel('Parliament', { exact: true })).toBeFocused();
  await expect(focal.getByText('Fill this in.').first()).toBeVisible();

  await focal.getByLabel('Parliament', { exact: true }).fill('Assemblée nationale du Sénégal');
  await focal.getByLabel('Country', { exact: true }).selectOption({ label: 'Senegal' });
  await focal.getByLabel('Your name').fill('Fatou Diop');
  await focal.getByLabel('Your email address').fill('fatou@assemblee.example');
  await focal.getByRole('button', { name: 'Start the registration' }).click();

  // The private page opens and says, once, to keep its address.
  await expect(focal).toHaveURL(/\/register\/[A-Za-z0-9_-]{43}$/);
  const keep = focal.getByTestId('keep-link-notice');
  await expect(keep.getByRole('heading', { name: 'Keep this link' })).toBeFocused();
  await expect(keep).toContainText('It will not be shown again');
  expect(await keep.getByLabel('Your delegation’s private link').inputValue()).toBe(focal.url());
  await shots(focal, testInfo, 'public-page-started-en');
  await keep.getByRole('button', { name: 'Done, I have kept it' }).click();
  await expect(keep).toHaveCount(0);
  await focal.reload();
  await expect(focal.getByTestId('keep-link-notice')).toHaveCount(0);
  await expect(focal.getByText('Assemblée nationale du Sénégal')).toBeVisible();

  // The organiser sees it, started from the public page.
  await organiser.reload();
  const senegal = organiser.getByRole('region', { name: 'Assemblée nationale du Sénégal' });
  await expect(senegal).toContainText('Public page');
  await expect(senegal).toContainText('Africa');

  for (const page of [organiser, focal]) await page.context().close();
});
