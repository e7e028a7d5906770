import { expect, test, type BrowserContext } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/pages.ts';
import { expectConnected, joinAs, type Person } from '../fixtures/people.ts';
import { ServerProcess } from '../fixtures/server.ts';

// The guide page as people see it: on a phone (390×844) the editor starts on the first screen,
// under a compact header whose menu opens and closes from the keyboard; and "Who is here" shows a
// person on two devices once, with a device count.
test.describe.configure({ mode: 'serial' });

let server: ServerProcess;
let guideId: string;
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
  server = await ServerProcess.start();
  guideId = await server.createGuide('Remote sittings in practice');
});
test.afterAll(async () => {
  try {
    for (const context of contexts.splice(0)) await context.close();
  } finally {
    await server.dispose();
  }
});

async function openGuide(context: BrowserContext, name: string): Promise<Person> {
  const page = await context.newPage();
  await page.goto(`${server.url}/g/${guideId}`);
  const person: Person = {
    name,
    context,
    page,
    editor: page.getByRole('textbox', { name: 'Guide text' }),
    status: page.getByTestId('connection-status'),
  };
  await expectConnected(person);
  return person;
}

test('one entry per person in "Who is here", with the number of devices', async ({ browser }) => {
  const amina = await joinAs(browser, server.url, server.inviteFor(guideId), 'Amina Diallo');
  const bruno = await joinAs(browser, server.url, server.inviteFor(guideId), 'Bruno Costa');
  contexts.push(amina.context, bruno.context);
  await amina.page.close();
  await bruno.page.close();
  await openGuide(amina.context, 'Amina Diallo');
  await openGuide(amina.context, 'Amina Diallo'); // a second tab: another device to the server
  const watcher = await openGuide(bruno.context, 'Bruno Costa');

  const entries = watcher.page.getByTestId('presence-person');
  await expect(entries).toHaveCount(2);
  const aminaEntry = entries.filter({ hasText: 'Amina Diallo' });
  await expect(aminaEntry).toHaveCount(1);
  await expect(aminaEntry).toContainText('2 devices');
  await expect(entries.filter({ hasText: 'Bruno Costa' })).not.toContainText('devices');
});

test('on a phone the editor starts on the first screen, under a compact header with a menu', async ({
  browser,
}) => {
  const { context, page } = await joinAs(
    browser,
    server.url,
    server.inviteFor(guideId),
    'Chen Wei',
  );
  contexts.push(context);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${server.url}/g/${guideId}`);
  const person: Person = {
    name: 'Chen Wei',
    context,
    page,
    editor: page.getByRole('textbox', { name: 'Guide text' }),
    status: page.getByTestId('connection-status'),
  };
  await expectConnected(person);

  // The editor's top is well within the first screen: room to read and type without scrolling.
  const editorBox = await person.editor.boundingBox();
  expect(editorBox).not.toBeNull();
  expect(editorBox?.y ?? 844).toBeLessThan(844 - 200);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  // The toolbar is one row that scrolls sideways, shaded at an edge where more buttons are.
  const toolbar = page.getByRole('toolbar');
  const row = await toolbar.evaluate((element) => ({
    scrolls: element.scrollWidth > element.clientWidth,
    shades: getComputedStyle(element).backgroundImage.match(/radial-gradient/g)?.length ?? 0,
  }));
  expect(row).toEqual({ scrolls: true, shades: 2 });

  // Who is here: a row of initials, names still there for screen readers.
  const self = page.getByTestId('presence-person').filter({ hasText: 'Chen Wei' });
  await expect(self).toHaveCount(1);
  await expect(self.locator('.badge')).toBeVisible();
  // Only the badge takes room: the entry is as narrow as its initials.
  expect((await self.boundingBox())?.width ?? 999).toBeLessThan(48);

  // The header's menu: navigation and account tools behind one button, from the keyboard.
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('link', { name: 'Programme' })).toBeHidden();
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('link', { name: 'Programme' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expectNoAxeViolations(page, 'guide on a phone, menu open');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();
  await expect(page.getByRole('link', { name: 'Programme' })).toBeHidden();
  await expectNoAxeViolations(page, 'guide on a phone');
  await page.screenshot({ path: test.info().outputPath('guide-phone.png') });
});
