import { expect, test, type Page } from '@playwright/test';
import { serverForSpec } from '../fixtures/guideSpec.ts';
import { expectConnected, expectGuideText, guideText, openGuideAs } from '../fixtures/people.ts';

// The server refuses any update that does not fit the guide schema (issue 8). Whatever a person
// can make in the real editor must fit: every node, mark and attribute, pasted or typed with the
// keyboard, by two people at once. A false refusal would close the editor's connection for good,
// so this test watches the connection and the server's refusal counter, then reloads to see
// that everything was stored.
const spec = serverForSpec();

/** Pastes HTML as the clipboard would deliver it, into the focused editor. */
async function pasteHtml(page: Page, html: string): Promise<void> {
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.setData('text/html', content);
    data.setData('text/plain', content.replace(/<[^>]+>/g, ' '));
    const target = document.querySelector('.ProseMirror');
    target?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, html);
}

async function refusedUpdates(): Promise<number> {
  const text = await (await fetch(`${spec.server.url}/metrics`)).text();
  const line = text
    .split('\n')
    .find((candidate) =>
      candidate.startsWith('draftroom_messages_rejected_total{reason="invalid_update"}'),
    );
  return line ? Number(line.split(' ').at(-1)) : 0;
}

test('everything the editor can make is accepted and stored, by two people at once', async ({
  browser,
}) => {
  const guideId = await spec.server.createGuide('Every kind of content');
  const alice = await openGuideAs(browser, spec.server, guideId, 'Alice Moreau');
  const bob = await openGuideAs(browser, spec.server, guideId, 'Bashir Haddad');
  spec.people.push(alice, bob);

  await alice.editor.click();
  await pasteHtml(
    alice.page,
    `<h1>Guide title</h1><h2>Purpose</h2><h3>Scope</h3>
     <p><strong>bold</strong> <em>italic</em> <u>underlined</u> <s>struck</s> <code>code</code>
        <a href="https://www.ipu.org/">a link</a> <a href="javascript:alert(1)">not a link</a><br>after a break</p>
     <ul><li><p>one</p><ul><li><p>nested</p></li></ul></li><li><p>two</p></li></ul>
     <ol start="3"><li><p>third</p></li></ol>
     <blockquote><p>quoted</p></blockquote>
     <pre><code class="language-js">let vote = 1;</code></pre>
     <hr>
     <table><tr><th>Step</th><th>Who</th></tr><tr><td colspan="2">Everyone</td></tr></table>
     <p dir="rtl">مرحبا بالجميع</p><p dir="ltr">CO<sub>2</sub> and the 1<sup>st</sup> reading</p>
     <h3 dir="rtl">عنوان</h3><ul><li dir="rtl"><p>بند</p></li></ul>
     <img src="https://example.org/x.png"><p>Pasted end.</p>`,
  );
  await expectGuideText(bob, 'Pasted end.');

  // Keyboard formatting while Bob types in the same guide.
  await bob.editor.click();
  await bob.page.keyboard.press('ControlOrMeta+End');
  await bob.page.keyboard.press('Enter');
  await bob.page.keyboard.type('Bob types here ');
  const keys = ['ControlOrMeta+b', 'ControlOrMeta+i', 'ControlOrMeta+u', 'ControlOrMeta+Shift+s'];
  for (const key of keys) {
    await bob.page.keyboard.press(key);
    await bob.page.keyboard.type(`${key.split('+').at(-1)} `);
    await bob.page.keyboard.press(key);
  }
  await alice.editor.click(); // each page has its own focus: Alice's comes back with a click
  await alice.page.keyboard.press('ControlOrMeta+Home');
  await alice.page.keyboard.press('Enter');
  await alice.page.keyboard.press('ArrowUp');
  await alice.page.keyboard.type('Alice at the top');
  await alice.page.keyboard.press('ControlOrMeta+Alt+2');
  await alice.page.keyboard.press('Enter');
  await alice.page.keyboard.press('ControlOrMeta+Shift+8');
  await alice.page.keyboard.type('a list item');
  await alice.page.keyboard.press('Enter');
  await alice.page.keyboard.press('Tab');
  await alice.page.keyboard.type('indented');
  await alice.page.keyboard.press('Enter');
  await alice.page.keyboard.press('Enter');
  await alice.page.keyboard.press('Enter');
  await alice.page.keyboard.press('ControlOrMeta+Shift+b');
  await alice.page.keyboard.type('a quotex');
  await alice.page.keyboard.press('Backspace');

  // Issue 9's additions, from the toolbar: direction, superscript and subscript, Heading 3,
  // table rows and columns, undo and redo.
  const toolbarButton = (name: string) =>
    alice.page.getByRole('toolbar').getByRole('button', { name, exact: true });
  await alice.page.keyboard.press('Enter');
  await alice.page.keyboard.type('H');
  await toolbarButton('Subscript').click();
  await alice.page.keyboard.type('2');
  await toolbarButton('Subscript').click();
  await alice.page.keyboard.type('O');
  await toolbarButton('Superscript').click();
  await alice.page.keyboard.type('note');
  await toolbarButton('Heading 3').click();
  await toolbarButton('Right to left').click();
  await toolbarButton('Left to right').click();
  await toolbarButton('Left to right').click(); // back to "from its text"
  await alice.page.keyboard.press('Enter');
  await toolbarButton('Insert table').click();
  await toolbarButton('Add row').click();
  await toolbarButton('Add column').click();
  await toolbarButton('Delete row').click();
  await toolbarButton('Delete column').click();
  await alice.page.keyboard.type('خلية');
  await toolbarButton('Right to left').click();
  await toolbarButton('Add column').click();
  await toolbarButton('Undo').click();
  await toolbarButton('Redo').click();

  await expectGuideText(alice, 'Bob types here b i u s');
  await expectGuideText(bob, 'indented');
  await expect.poll(() => guideText(bob)).toBe(await guideText(alice));
  await expectConnected(alice);
  await expectConnected(bob);
  expect(await refusedUpdates()).toBe(0);

  // Stored, not only relayed: a fresh page shows the same text.
  const expected = await guideText(alice);
  await bob.page.reload();
  await expectConnected(bob);
  await expect.poll(() => guideText(bob)).toBe(expected);
  await expect(bob.page.locator('.ProseMirror table')).toHaveCount(2);
  await expect(bob.page.locator('.ProseMirror h3', { hasText: 'H2Onote' })).toHaveAttribute(
    'dir',
    'auto',
  );
  await expect(bob.page.locator('.ProseMirror sub')).toHaveCount(2);
  await expect(bob.page.locator('.ProseMirror sup')).toHaveCount(2);
  await expect(
    bob.page.locator('.ProseMirror td[dir="rtl"], .ProseMirror th[dir="rtl"]'),
  ).toHaveCount(1);
  await expect(bob.page.locator('.ProseMirror li[dir="rtl"]')).toHaveCount(1);
  await expect(bob.page.locator('.ProseMirror a[href^="javascript"]')).toHaveCount(0);
});
