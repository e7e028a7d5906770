import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import mammoth from 'mammoth';
import { serverForSpec } from '../fixtures/guideSpec.ts';
import { expectConnected, openGuideAs, typeAtEnd, type Person } from '../fixtures/people.ts';
import { checkPage, switchLanguage } from '../fixtures/pages.ts';
import { keepShots } from '../fixtures/shots.ts';
import { approvedPractice, renamePractice } from '../fixtures/practices.ts';

// Issue 17, citing good practices: a participant cites an approved practice in the guide with
// the "Cite a practice" dialog, by keyboard alone, while another participant edits the same
// guide; both see the card, it survives a server crash, the exports carry it, "Practices cited"
// lists it, and a renamed practice's card follows.
const spec = serverForSpec();

/** The guide's file in one format, downloaded through the Export panel as a person does. */
async function exportGuide(page: Page, testInfo: TestInfo, format: RegExp, file: string) {
  const panel = page.getByTestId('guide-export');
  if (!(await panel.getByRole('radio', { name: format }).isVisible())) {
    await page.getByText('Export', { exact: true }).click();
  }
  await panel.getByRole('radio', { name: format }).check();
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download' }).click();
  const saved = await download;
  const path = testInfo.outputPath(file);
  await saved.saveAs(path);
  return path;
}

// The editable by its id: its accessible name changes with the language.
const text = (person: Person) => person.page.locator('#guide-editor-content');
const cards = (person: Person) => text(person).getByTestId('citation-card');

test('a participant cites a practice by keyboard; it is shared, kept, exported and follows a rename', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const server = spec.server;
  const practice = await approvedPractice(server.organiser, {
    title: 'Open budget portal',
    parliament: 'Parliament of Ghana',
    country: 'GH',
    // A word no practice of the demo's library has, so the search finds this one alone.
    summary: 'Every vote on the budget, line by line, published from Accra the day it is taken.',
  });
  await approvedPractice(server.organiser, {
    title: 'Hansard online within a day',
    parliament: 'National Assembly of Kenya',
    country: 'KE',
  });
  const guideId = await server.createGuide('Open data');
  const amina = await openGuideAs(browser, server, guideId, 'Amina Diallo');
  const bashir = await openGuideAs(browser, server, guideId, 'Bashir Haddad');
  spec.people.push(amina, bashir);

  await typeAtEnd(bashir, 'Bashir writes first.');
  await expect(amina.editor).toContainText('Bashir writes first.');
  // A version before the citation, to compare with afterwards.
  await amina.page.locator('summary', { hasText: 'History' }).click();
  await amina.page.getByLabel('Version name').fill('Before citing');
  await amina.page.getByRole('button', { name: 'Save version' }).click();
  await expect(amina.page.getByTestId('history-version')).toHaveCount(1);
  // Amina writes a paragraph of her own after his, then cites on the empty line below it.
  await typeAtEnd(amina, '');
  await amina.page.keyboard.press('Enter');
  await amina.page.keyboard.type('We draw on the library.');
  await amina.page.keyboard.press('Enter');

  // Ctrl+Alt+P in the text opens the dialog on its search field.
  await amina.page.keyboard.press('Control+Alt+P');
  const dialog = amina.page.getByRole('dialog', { name: 'Cite a good practice' });
  await expect(dialog).toBeVisible();
  const search = dialog.getByRole('combobox', { name: 'Search approved practices' });
  await expect(search).toBeFocused();
  // Bashir keeps writing his paragraph of the same guide while Amina searches.
  await bashir.editor.getByText('Bashir writes first.').click();
  await bashir.page.keyboard.press('End');
  await bashir.page.keyboard.type(' And meanwhile.');
  await amina.page.keyboard.type('Accra');
  const options = dialog.getByRole('option');
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText('Open budget portal');
  await expect(options.first()).toContainText('Parliament of Ghana');
  await expect(dialog.getByRole('status')).toHaveText('1 practice found');
  await expect(search).toHaveAttribute('aria-activedescendant', /option-0$/);
  await checkPage(amina.page, 'en', 'cite dialog with results');
  await keepShots(amina.page, testInfo, 'cite-dialog-en');
  await amina.page.keyboard.press('Enter');

  // The card is in the text where the caret was, for both; focus is back in the editor.
  await expect(dialog).toBeHidden();
  await expect(amina.editor).toBeFocused();
  for (const person of [amina, bashir]) {
    await expect(cards(person)).toHaveCount(1);
    await expect(cards(person)).toContainText('Good practice');
    await expect(cards(person)).toContainText('Open budget portal');
    await expect(cards(person)).toContainText('Parliament of Ghana · Ghana');
  }
  await expect(cards(bashir).getByRole('link', { name: 'Open budget portal' })).toHaveAttribute(
    'href',
    `/library/${practice.id}`,
  );
  // In the text where Amina's caret was: after her line, Bashir's paragraph untouched.
  const paragraphs = amina.editor.locator(':scope > p');
  await expect(paragraphs.nth(0)).toContainText('Bashir writes first. And meanwhile.');
  await expect(paragraphs.nth(1)).toContainText('We draw on the library.');
  await expect(amina.editor.locator(':scope > p:nth-child(2) + *')).toContainText(
    'Open budget portal',
  );
  await expect(amina.status).toHaveAttribute('data-pending', '0');

  // "Practices cited" beside the guide, once the server has indexed the change.
  const cited = amina.page.getByTestId('cited-practices');
  await expect(cited.locator('summary')).toContainText('(1 practice)', { timeout: 15_000 });
  await cited.locator('summary').click();
  await expect(cited.getByRole('link', { name: 'Open budget portal' })).toBeVisible({
    timeout: 15_000,
  });
  await expect(cited).toContainText('Parliament of Ghana');
  await checkPage(amina.page, 'en', 'guide with a citation');
  await keepShots(amina.page, testInfo, 'citation-card-en');

  // The version's comparison with now shows the citation inserted whole, by its title.
  await amina.page.getByRole('button', { name: 'Show changes' }).click();
  const diff = amina.page.getByTestId('version-diff');
  await expect(diff.locator('ins').filter({ has: amina.page.locator('.diff-cite') })).toHaveText(
    'inserted: Good practice: Open budget portal',
  );
  await checkPage(amina.page, 'en', 'a version compared, with a citation');
  await keepShots(amina.page, testInfo, 'citation-diff-en');
  await amina.page.getByRole('button', { name: 'Back to the guide' }).click();
  await expect(diff).toBeHidden();

  // A crash: someone new, with nothing in their browser, still gets the citation.
  await server.kill('SIGKILL');
  await server.restart();
  await expectConnected(amina);
  const carla = await openGuideAs(browser, server, guideId, 'Carla Núñez');
  spec.people.push(carla);
  await expect(cards(carla)).toContainText('Open budget portal');

  // The exports carry the practice's title and parliament.
  const docx = await exportGuide(amina.page, testInfo, /Word \(DOCX\)/, 'guide.docx');
  const { value: docxText } = await mammoth.extractRawText({ buffer: readFileSync(docx) });
  expect(docxText).toContain('Open budget portal');
  expect(docxText).toContain('Parliament of Ghana');
  const pdf = await exportGuide(amina.page, testInfo, /^PDF/, 'guide.pdf');
  const pdfText = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(pdfText).toContain('Open budget portal');
  expect(pdfText).toContain('Parliament of Ghana');

  // Renamed in the library: the cards follow once the page regains focus (headless windows
  // have no window manager to give it back, so the page is told as a browser would).
  await renamePractice(server.organiser, practice, 'Open budget portal, year two');
  await amina.page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(cards(amina)).toContainText('Open budget portal, year two');

  // Arabic: the card's words, the dialog, axe clean; Escape closes and gives the text focus.
  await switchLanguage(amina.page, 'ar');
  // From a fresh page: the export panel's "Downloaded …" was said in English and stays so.
  await amina.page.reload();
  await expectConnected(amina);
  await expect(cards(amina)).toContainText('ممارسة جيدة');
  await expect(cards(amina)).toContainText('غانا');
  await checkPage(amina.page, 'ar', 'guide with a citation');
  await keepShots(amina.page, testInfo, 'citation-card-ar');
  await amina.page.getByRole('button', { name: 'الاستشهاد بممارسة' }).click();
  const arabicDialog = amina.page.getByRole('dialog', { name: 'الاستشهاد بممارسة جيدة' });
  await expect(arabicDialog).toBeVisible();
  await amina.page.keyboard.type('Hansard');
  await expect(arabicDialog.getByRole('option')).toHaveCount(1);
  await expect(arabicDialog.getByRole('option')).toContainText('Hansard online within a day');
  await expect(arabicDialog.getByRole('status')).toHaveText('عُثر على ممارسة واحدة');
  await checkPage(amina.page, 'ar', 'cite dialog with results');
  await keepShots(amina.page, testInfo, 'cite-dialog-ar');
  await amina.page.keyboard.press('Escape');
  await expect(arabicDialog).toBeHidden();
  await expect(text(amina)).toBeFocused();
  await expect(cards(amina)).toHaveCount(1);
});
