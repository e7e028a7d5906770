import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createInvite } from '@draftroom/server/testing';
import { expectNoAxeViolations } from '../fixtures/pages.ts';
import { ServerProcess } from '../fixtures/server.ts';

// "Add a device": someone signed in on their laptop shows a link and a code, and their phone
// (here: other browser contexts, sharing nothing) signs in as them with either. A personal link
// opened a second time says how to add a device instead of stopping there.
test.describe.configure({ mode: 'serial' });

let server: ServerProcess;
const contexts: BrowserContext[] = [];
let laptop: Page;
let personId: string;

let browser: Browser;

test.beforeAll(async ({ browser: shared }) => {
  browser = shared;
  server = await ServerProcess.start();
});
test.afterAll(async () => {
  try {
    for (const context of contexts.splice(0)) await context.close();
  } finally {
    await server.dispose();
  }
});

/** A browser of its own: no cookie shared with any other device. */
async function newPage(): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  return context.newPage();
}

test('a person signs a second and a third device in with the link and with the code', async () => {
  const { event } = await server.organiser.expect<{ event: { id: string } }>(
    200,
    'GET',
    '/api/programme',
  );
  const invite = await createInvite(server.organiser, 'participant', {
    type: 'event',
    id: event.id,
  });
  laptop = await newPage();
  await laptop.goto(`${server.url}${invite.joinPath}`);
  await laptop.getByLabel('Your name').fill('Farida Haddad');
  await laptop.getByLabel('Parliament or delegation').fill('Parliament of Lebanon');
  await laptop.getByLabel('Country', { exact: true }).selectOption({ label: 'Lebanon' });
  const joined = laptop.waitForResponse((r) => r.url().includes('/join') && r.status() === 201);
  await laptop.getByRole('button', { name: 'Join the conference' }).click();
  personId = ((await (await joined).json()) as { person: { id: string } }).person.id;

  await laptop.getByRole('link', { name: 'Add a device' }).click();
  await expect(laptop.getByRole('heading', { level: 1 })).toHaveText('Add a device');
  await laptop.getByRole('button', { name: 'Show a link and a code' }).click();
  const status = laptop.getByTestId('device-link');
  await expect(status).toContainText('valid for 10 minutes');
  const link = await laptop.getByLabel('Link for your other device').inputValue();
  const code = (await laptop.getByTestId('device-code').textContent()) ?? '';
  expect(link).toMatch(/\/device\/[A-Za-z0-9_-]{43}$/);
  expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  await expectNoAxeViolations(laptop, 'add a device');

  // The phone opens the link.
  const phone = await newPage();
  await phone.goto(link);
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Sign in on this device');
  await expectNoAxeViolations(phone, 'device link');
  await phone.getByRole('button', { name: 'Sign in on this device' }).click();
  await expect(phone.getByTestId('person-chip')).toContainText('Farida Haddad');

  // The link and its code are one: once the link is used, the code is too.
  const tablet = await newPage();
  await tablet.goto(`${server.url}/device`);
  await tablet.getByLabel('Code from your other device').fill(code.toLowerCase());
  await tablet.getByRole('button', { name: 'Sign in on this device' }).click();
  await expect(tablet.getByRole('alert')).toContainText('already used');
});

test('a fresh code, typed by hand, signs a tablet in, once', async () => {
  await laptop.goto(`${server.url}/devices/add`);
  await laptop.getByRole('button', { name: 'Show a link and a code' }).click();
  const code = (await laptop.getByTestId('device-code').textContent()) ?? '';
  const tablet = await newPage();
  await tablet.goto(`${server.url}/device`);
  await tablet.getByLabel('Code from your other device').fill(code.toLowerCase());
  await tablet.getByRole('button', { name: 'Sign in on this device' }).click();
  await expect(tablet.getByTestId('person-chip')).toContainText('Farida Haddad');

  const another = await newPage();
  await another.goto(`${server.url}/device`);
  await another.getByLabel('Code from your other device').fill(code);
  await another.getByRole('button', { name: 'Sign in on this device' }).click();
  await expect(another.getByRole('alert')).toContainText('already used');
  await expect(another.getByTestId('person-chip')).toHaveCount(0);
});

test('a personal link opened again says how to add a device', async () => {
  const personal = await server.organiser.expect<{ joinPath: string }>(
    201,
    'POST',
    `/api/people/${personId}/link`,
  );
  const first = await newPage();
  await first.goto(`${server.url}${personal.joinPath}`);
  await first.getByRole('button', { name: 'Join the conference' }).click();
  await expect(first.getByTestId('person-chip')).toContainText('Farida Haddad');

  const second = await newPage();
  await second.goto(`${server.url}${personal.joinPath}`);
  const problem = second.getByTestId('invite-problem');
  await expect(problem).toContainText('Add a device');
  await problem.getByRole('link', { name: 'Enter a code from your other device' }).click();
  await expect(second.getByLabel('Code from your other device')).toBeVisible();
});
