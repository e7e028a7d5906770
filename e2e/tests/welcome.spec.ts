import { expect, test } from '@playwright/test';
import { ServerProcess } from '../fixtures/server.ts';

// A newcomer's first steps: the demo guides are listed, a guide can be created, and the name
// they pick is remembered by their browser.
let server: ServerProcess;
test.beforeAll(async () => {
  server = await ServerProcess.start();
});
test.afterAll(async () => {
  await server.dispose();
});

test('lists the demo guides, creates a guide and remembers the chosen name', async ({
  page,
}, testInfo) => {
  await page.goto(server.url);
  const list = page.getByTestId('guide-list');
  await expect(list.getByRole('link', { name: 'Running remote plenary sittings' })).toBeVisible();
  await expect(list.getByRole('link', { name: 'Publishing bills as open data' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('home.png'), fullPage: true });

  // An empty title is refused with a message that says what to do.
  await page.getByRole('button', { name: 'Create guide' }).click();
  await expect(page.getByRole('alert')).toContainText('Give the guide a title.');

  await page.getByLabel('Guide title').fill('Library and research services');
  await page.getByRole('button', { name: 'Create guide' }).click();
  await expect(page).toHaveURL(/\/g\/[A-Za-z0-9][A-Za-z0-9_-]*$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Library and research services');

  // First visit: the person chooses the name others will see.
  await page.getByLabel('Your display name').fill('Amina Diallo');
  await page.getByRole('button', { name: 'Start editing' }).click();
  const editor = page.getByRole('textbox', { name: 'Guide text' });
  await expect(editor).toBeVisible();
  await expect(page.getByTestId('presence-list')).toContainText('Amina Diallo');

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Guide text' })).toBeVisible();
  await expect(page.getByTestId('presence-list')).toContainText('Amina Diallo');
  await page.screenshot({ path: testInfo.outputPath('new-guide.png') });
});

test('an unknown guide shows a page that leads back to the list', async ({ page }) => {
  await page.goto(`${server.url}/g/no-such-guide`);
  await expect(page.getByRole('heading', { name: 'Guide not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to all guides' }).click();
  await expect(page.getByTestId('guide-list')).toBeVisible();
});
