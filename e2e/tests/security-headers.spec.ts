import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CspWatch, expectPolicy } from '../fixtures/csp.ts';
import { guideOn } from '../fixtures/joining.ts';
import { expectConnected, expectGuideText, joinAs, typeAtEnd } from '../fixtures/people.ts';
import { ServerProcess } from '../fixtures/server.ts';

// The app as served (`pnpm start`) runs under its content security policy without a single
// violation: no inline script, no inline style (Tiptap's injected <style>, a style attribute set
// as HTML), no connection the policy does not name. The main pages are walked as people use them:
// joining, the programme and a session, a guide where two people type (so carets, their labels
// and a selection are drawn in each other's colours, and a table is inserted), and every
// organiser screen. Any `securitypolicyviolation` event or CSP console error fails the walk.
test.describe.configure({ mode: 'serial' });

let server: ServerProcess;
let guideId = '';
let sessionId = '';
const csp = new CspWatch();
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
  server = await ServerProcess.start();
  guideId = await server.createGuide('Guides under a strict policy');
  const guide = await server.organiser.expect<{ sessionId: string }>(
    200,
    'GET',
    `/api/guides/${guideId}`,
  );
  sessionId = guide.sessionId;
});
test.afterAll(async () => {
  for (const context of contexts) await context.close();
  await server.dispose();
});

async function watchedContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  contexts.push(context);
  await csp.watch(context);
  return context;
}

/** Opens a page of the app and waits for its heading: the app has rendered under the policy. */
async function visit(page: Page, path: string, heading: string | RegExp): Promise<void> {
  expectPolicy(await page.goto(`${server.url}${path}`));
  await expect(page.getByRole('heading', { level: 1 }).first()).toHaveText(heading);
  csp.expectNone(path);
}

let alice: Page;

test('a newcomer opens the welcome page, joins with the form and reads the programme', async ({
  browser,
}) => {
  alice = await (await watchedContext(browser)).newPage();
  await visit(alice, '/', 'Welcome to Draftroom');

  expectPolicy(await alice.goto(server.inviteFor(guideId)));
  await alice.getByLabel('Your name').fill('Alice Moreau');
  await alice.getByLabel('Parliament or delegation').fill('Assemblée nationale');
  await alice.getByLabel('Country', { exact: true }).selectOption({ label: 'France' });
  await alice.getByRole('button', { name: 'Join the conference' }).click();
  // Placed in exactly one group by her link, she starts in its guide.
  await expect(alice).toHaveURL(new RegExp(`/g/${guideId}$`));
  await expectConnected(guideOn('Alice Moreau', alice));
  csp.expectNone('joining');

  await visit(alice, '/programme', 'Programme');
  await visit(alice, `/sessions/${sessionId}`, 'Guides under a strict policy workshop');
  await visit(alice, '/', 'Your groups');
});

test('two people type in a guide: carets, labels, a selection and a table render', async ({
  browser,
}) => {
  const bobContext = await watchedContext(browser);
  await joinAs(browser, server.url, server.inviteFor(guideId), 'Bashir Haddad').then(
    async ({ context }) => {
      // joinAs signs in in a context of its own: take its cookie into the watched one.
      await bobContext.addCookies(await context.cookies());
      await context.close();
    },
  );
  const bobPage = await bobContext.newPage();
  await visit(bobPage, `/g/${guideId}`, 'Guides under a strict policy');
  await visit(alice, `/g/${guideId}`, 'Guides under a strict policy');
  const a = guideOn('Alice Moreau', alice);
  const b = guideOn('Bashir Haddad', bobPage);
  await expectConnected(a);
  await expectConnected(b);

  await typeAtEnd(a, 'Alice drafts the introduction.');
  await expectGuideText(b, 'Alice drafts the introduction.');
  await typeAtEnd(b, ' Bashir adds the checklist.');
  await expectGuideText(a, 'Bashir adds the checklist.');

  // Alice selects her first word: Bashir sees it highlighted in her colour, with her caret.
  await a.editor.click();
  await alice.keyboard.press('ControlOrMeta+Home');
  await alice.keyboard.press('Shift+ControlOrMeta+ArrowRight');
  const selection = bobPage.locator('.ProseMirror-yjs-selection').first();
  await expect(selection).toBeVisible();
  const caret = bobPage.locator('.collaboration-carets__caret', { hasText: 'Alice Moreau' });
  await expect(caret).toBeVisible();
  // Each colour really applied (CSSOM, which the policy allows), not dropped by the policy.
  const colours = await bobPage.evaluate(() => {
    const style = (selector: string) => {
      const element = document.querySelector(selector);
      return element ? getComputedStyle(element) : null;
    };
    return {
      selection: style('.ProseMirror-yjs-selection')?.backgroundColor,
      caret: style('.collaboration-carets__caret')?.borderInlineStartColor,
      label: style('.collaboration-carets__label')?.backgroundColor,
      whiteSpace: style('.ProseMirror')?.whiteSpace,
    };
  });
  expect(colours.selection).not.toMatch(/^(rgba\(0, 0, 0, 0\)|transparent)$/);
  expect(colours.caret).not.toMatch(/^(rgba\(0, 0, 0, 0\)|transparent)$/);
  expect(colours.label).toBe(colours.caret);
  // Tiptap's base rules, now in our stylesheet rather than an injected <style>.
  expect(colours.whiteSpace).toBe('break-spaces');
  await bobPage.screenshot({ path: screenshotPath('guide-caret-and-selection-under-csp.png') });
  csp.expectNone('the guide with two people typing');

  await bobPage.keyboard.press('ControlOrMeta+End');
  await bobPage.getByRole('button', { name: 'Insert table' }).click();
  await expect(alice.locator('.guide-editor__content table')).toBeVisible();
  await expect(bobPage.locator('.guide-editor__content table col').first()).toBeAttached();
  csp.expectNone('a table in the guide');
});

test('an organiser walks every organiser screen', async ({ browser }) => {
  const { context } = await joinAs(browser, server.url, server.link('organiser'), 'Olga Tour');
  const watched = await watchedContext(browser);
  await watched.addCookies(await context.cookies());
  await context.close();
  const page = await watched.newPage();

  await visit(page, '/organise', 'Organise the event');
  await visit(page, '/organise/event', 'Event settings');
  await visit(page, '/organise/sessions', 'Sessions and groups');
  await visit(page, '/organise/sessions/new', 'New session');
  await page.getByRole('button', { name: 'Create session' }).click();
  await expect(page.getByText('Fill this in.').first()).toBeVisible();
  csp.expectNone('a refused form');
  await visit(page, `/organise/sessions/${sessionId}`, 'Guides under a strict policy workshop');
  await visit(page, '/organise/invites', 'Invite links');
  await page.getByLabel('Label (optional)').fill('Strict policy link');
  await page.getByRole('button', { name: 'Create link' }).click();
  await expect(page.getByRole('heading', { name: 'Your new invite link' })).toBeFocused();
  csp.expectNone('a new invite link');
  await visit(page, '/organise/people', 'People');
  await visit(page, '/dashboard', 'Dashboard of every guide');
  // The chart library draws with SVG and style attributes: none of it may break the policy.
  await page
    .getByRole('button', { name: /^Chart/ })
    .first()
    .click();
  await expect(page.getByTestId('dashboard-chart').locator('svg').first()).toBeVisible();
  csp.expectNone('the activity chart');
  await visit(page, '/organise/import', 'Import registrations');
  await page
    .getByLabel('Or paste the CSV text')
    .fill('name,parliament,country,language\nAna Rojas,Congreso de Colombia,CO,es\n');
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('table', { name: 'Each row of the file' })).toBeVisible();
  csp.expectNone('an import check');
});

/** A stable place for the screenshots people look at: e2e/artifacts/screenshots/. */
function screenshotPath(name: string): string {
  return fileURLToPath(new URL(`../artifacts/screenshots/${name}`, import.meta.url));
}
