import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import mammoth from 'mammoth';
import { createCoCreationSession, createGroup } from '@draftroom/server/testing';
import { serverForSpec } from '../fixtures/guideSpec.ts';
import { expectConnected, inviteLink, openPageAs, typeAtEnd } from '../fixtures/people.ts';
import { checkPage, switchLanguage } from '../fixtures/pages.ts';
import { keepShots } from '../fixtures/shots.ts';

// Issue 12: a facilitator compiles the guides of a session of two groups from the session page,
// sees it being built, and the files that download read back, with an independent reader, with
// one chapter per group in order.
const spec = serverForSpec();

async function open(browser: Browser, invite: string, path: string, name: string) {
  const person = await openPageAs(browser, spec.server.url, invite, path, name);
  spec.people.push(person);
  return person;
}

/** Compiles in the chosen format and returns the downloaded file's path. */
async function compile(page: Page, testInfo: TestInfo, format: RegExp, file: string) {
  const panel = page.getByTestId('session-export');
  await panel.getByRole('radio', { name: format }).check();
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: /compile|تجميع/i }).click();
  // The job is shown while it is built (it waits at least one poll before the file comes).
  await expect(page.getByTestId('export-progress')).toBeVisible();
  const saved = await download;
  const path = testInfo.outputPath(file);
  await saved.saveAs(path);
  await expect(
    page.getByRole('status').filter({ hasText: saved.suggestedFilename() }),
  ).toBeVisible();
  return { path, name: saved.suggestedFilename() };
}

/** The text of a PDF as poppler reads it, without the direction marks it puts around RTL runs. */
function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(
    /[\u202A-\u202E]/g,
    '',
  );
}

/** The first two pages of a PDF as PNG images, kept with the test's results to look at. */
async function keepPdfPages(path: string, testInfo: TestInfo, name: string) {
  const prefix = testInfo.outputPath(name);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', path, prefix]);
  const folder = testInfo.outputPath();
  for (const png of readdirSync(folder).filter((f) => f.startsWith(name) && f.endsWith('.png'))) {
    await testInfo.attach(png, { path: `${folder}/${png}`, contentType: 'image/png' });
  }
}

test('a facilitator compiles the session as DOCX and PDF, with progress, chapters in order', async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const organiser = spec.server.organiser;
  const session = await createCoCreationSession(organiser, 'Open parliaments', {
    languages: ['en', 'ar'],
  });
  const groupA = await createGroup(organiser, session.id, 'Group A');
  const groupB = await createGroup(organiser, session.id, 'المجموعة ب', { workingLanguage: 'ar' });
  const invite = (
    role: 'participant' | 'facilitator',
    scope: { type: 'group' | 'session'; id: string },
  ) => inviteLink(spec.server, role, scope);

  // Each group writes a line of its guide.
  const amina = await open(
    browser,
    await invite('participant', { type: 'group', id: groupA.id }),
    `/g/${groupA.guideId}`,
    'Amina Diallo',
  );
  const layla = await open(
    browser,
    await invite('participant', { type: 'group', id: groupB.id }),
    `/g/${groupB.guideId}`,
    'Layla Haddad',
  );
  await expectConnected(amina);
  await expectConnected(layla);
  await typeAtEnd(amina, 'Caption every sitting live.');
  await typeAtEnd(layla, 'تنشر اللجان جداول أعمالها.');
  await expect(amina.status).toHaveAttribute('data-pending', '0');
  await expect(layla.status).toHaveAttribute('data-pending', '0');

  const facilitator = await open(
    browser,
    await invite('facilitator', { type: 'session', id: session.id }),
    `/sessions/${session.id}`,
    'Fatou Facilitator',
  );
  const page = facilitator.page;
  await expect(page.getByRole('heading', { name: 'Export the guides' })).toBeVisible();
  await checkPage(page, 'en', 'session page with export');
  await keepShots(page, testInfo, 'session-export-en');

  const docx = await compile(page, testInfo, /Word \(DOCX\)/, 'session.docx');
  expect(docx.name).toMatch(/-open-parliaments\.docx$/);
  const { value: text } = await mammoth.extractRawText({ buffer: readFileSync(docx.path) });
  // Group A's chapter (its typed line), then group B's heading, then B's line: in order. (The
  // names also appear in the contents and the annex, so the typed lines anchor the chapters.)
  const lineA = text.indexOf('Caption every sitting live.');
  const lineB = text.indexOf('تنشر اللجان جداول أعمالها.');
  expect(lineA).toBeGreaterThan(text.indexOf('Group A'));
  expect(lineB).toBeGreaterThan(lineA);
  expect(text.slice(lineA, lineB)).toContain('المجموعة ب');

  const pdf = await compile(page, testInfo, /^PDF/, 'session.pdf');
  const printed = pdfText(pdf.path);
  expect(printed).toContain('Caption every sitting live.');
  expect(printed).toContain('Group A');
  await keepPdfPages(pdf.path, testInfo, 'compiled-en');

  // In Arabic: the page, and the compiled PDF's own words, follow the reader's language.
  await switchLanguage(page, 'ar');
  await expect(page.getByTestId('session-export')).toBeVisible();
  await checkPage(page, 'ar', 'session page with export');
  await keepShots(page, testInfo, 'session-export-ar');
  const arabic = await compile(page, testInfo, /^PDF/, 'session-ar.pdf');
  expect(pdfText(arabic.path)).toContain('المحتويات');
  await keepPdfPages(arabic.path, testInfo, 'compiled-ar');
});

test('a participant downloads their own guide from the guide page', async ({
  browser,
}, testInfo) => {
  const organiser = spec.server.organiser;
  const session = await createCoCreationSession(organiser, 'Exports one by one');
  const group = await createGroup(organiser, session.id, 'Group C');
  const person = await open(
    browser,
    await inviteLink(spec.server, 'participant', { type: 'group', id: group.id }),
    `/g/${group.guideId}`,
    'Chen Participant',
  );
  await expectConnected(person);
  await typeAtEnd(person, 'Our practice, in Markdown.');
  await expect(person.status).toHaveAttribute('data-pending', '0');
  const page = person.page;
  await page.getByText('Export', { exact: true }).click();
  await page.getByRole('radio', { name: /Markdown/ }).check();
  await expect(page.getByLabel('Page size')).toHaveCount(0);
  const download = page.waitForEvent('download');
  await page.getByTestId('guide-export').getByRole('button', { name: 'Download' }).click();
  const saved = await download;
  const path = testInfo.outputPath('guide.md');
  await saved.saveAs(path);
  expect(saved.suggestedFilename()).toMatch(/-exports-one-by-one-group-c\.md$/);
  expect(readFileSync(path, 'utf8')).toContain('Our practice, in Markdown.');
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toBeVisible();
  await checkPage(page, 'en', 'guide page with the export open');
  await keepShots(page, testInfo, 'guide-export-en');
  // In Arabic, from a fresh page (the sentence announced before the switch stays as it was said).
  await switchLanguage(page, 'ar');
  await page.reload();
  await page.getByText('تصدير', { exact: true }).click();
  await expect(page.getByRole('radio', { name: /ماركداون/ })).toBeVisible();
  await checkPage(page, 'ar', 'guide page with the export open');
  await keepShots(page, testInfo, 'guide-export-ar');
});
