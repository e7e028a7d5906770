import { expect, test, type Page } from '@playwright/test';
import { serverForSpec } from '../fixtures/guideSpec.ts';
import { tr } from '../fixtures/locales.ts';
import { switchLanguage } from '../fixtures/pages.ts';
import { expectConnected, expectGuideText, openGuideAs } from '../fixtures/people.ts';

// Issue 9: pasted superscript and subscript are kept (they are in the shared schema, so the
// server stores them), and what a guide cannot hold (images) is not dropped silently: the writer
// is told, in their language, in a status message.
const spec = serverForSpec();

async function pasteHtml(page: Page, html: string): Promise<void> {
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.setData('text/html', content);
    data.setData('text/plain', content.replace(/<[^>]+>/g, ''));
    const target = document.querySelector('.ProseMirror');
    target?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, html);
}

test('pasted superscript and subscript are kept; dropped images are announced', async ({
  browser,
}) => {
  const guideId = await spec.server.createGuide('Pasting from a report');
  const alice = await openGuideAs(browser, spec.server, guideId, 'Alice Moreau');
  const bashir = await openGuideAs(browser, spec.server, guideId, 'Bashir Haddad');
  spec.people.push(alice, bashir);
  const notice = alice.page.getByRole('status').filter({ has: alice.page.getByText(/pasted/) });

  await alice.editor.click();
  await pasteHtml(
    alice.page,
    '<p>The 1<sup>st</sup> reading cut CO<sub>2</sub> targets.</p>' +
      '<p><img src="https://example.org/chart.png" alt="chart"></p><p>After the chart.</p>',
  );
  await expectGuideText(bashir, 'After the chart.');
  await expect(notice).toHaveText(tr('en', 'editor.pasteDropped_one', { count: 1 }) + 'Dismiss');
  await expect(alice.editor.locator('sup')).toHaveText('st');
  await expect(alice.editor.locator('sub')).toHaveText('2');
  await expect(alice.editor.locator('img')).toHaveCount(0);
  // Stored and served to someone else, not only shown here.
  await expect(bashir.editor.locator('sup')).toHaveText('st');
  await expect(bashir.editor.locator('sub')).toHaveText('2');
  await expectConnected(alice);

  await alice.page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);

  // A paste with nothing to drop says nothing; the toolbar toggles the marks too.
  await pasteHtml(alice.page, '<p>Plain words.</p>');
  await expectGuideText(bashir, 'Plain words.');
  await expect(alice.page.getByTestId('paste-dropped')).toBeEmpty();
  await alice.page.keyboard.type(' x');
  await alice.page.getByRole('button', { name: 'Superscript', exact: true }).click();
  await alice.page.keyboard.type('2');
  await expect(alice.editor.locator('sup')).toHaveCount(2);

  // In Arabic, with Arabic's plural for two.
  await switchLanguage(alice.page, 'ar');
  await alice.page.getByRole('textbox', { name: tr('ar', 'editor.label') }).click();
  await pasteHtml(alice.page, '<p>صورتان</p><img src="a.png"><img src="b.png">');
  await expect(alice.page.getByTestId('paste-dropped')).toContainText(
    tr('ar', 'editor.pasteDropped_two', { count: 2 }),
  );
  await expectConnected(alice);
  await expectConnected(bashir);
});
