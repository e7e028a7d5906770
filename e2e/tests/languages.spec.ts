import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import {
  expect,
  test,
  type Browser,
  type BrowserContext,
  type Page,
  type WebSocketRoute,
} from '@playwright/test';
import { ServerProcess } from '../fixtures/server.ts';

// The interface in English, French, Spanish and Arabic: every page passes an automated WCAG 2.1
// AA check (axe) in every language, nothing is left in English, Arabic lays out right to left,
// and the language a person picks in the header is remembered.

type Language = 'en' | 'fr' | 'es' | 'ar';
const languages: readonly { code: Language; dir: 'ltr' | 'rtl'; name: string }[] = [
  { code: 'en', dir: 'ltr', name: 'English' },
  { code: 'fr', dir: 'ltr', name: 'Français' },
  { code: 'es', dir: 'ltr', name: 'Español' },
  { code: 'ar', dir: 'rtl', name: 'العربية' },
];

/** A locale file as `key → string`, read from the client's sources (the app's own strings). */
function loadStrings(code: Language): Map<string, string> {
  const url = new URL(`../../client/src/i18n/locales/${code}.json`, import.meta.url);
  const strings = new Map<string, string>();
  const walk = (value: unknown, prefix: string) => {
    if (typeof value === 'string') strings.set(prefix, value);
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value))
        walk(child, prefix ? `${prefix}.${key}` : key);
    }
  };
  walk(JSON.parse(readFileSync(url, 'utf8')), '');
  return strings;
}

const strings = Object.fromEntries(
  languages.map(({ code }) => [code, loadStrings(code)]),
) as Record<Language, Map<string, string>>;

/** The translation of `key` (placeholders filled in from `values`), failing loudly if missing. */
function tr(code: Language, key: string, values: Record<string, string> = {}): string {
  const text = strings[code].get(key);
  if (text === undefined) throw new Error(`${code} has no string ${key}`);
  return text.replace(/\{\{\s*([^,}\s]+)[^}]*\}\}/g, (_, name: string) => values[name] ?? '');
}

const guideTitle = 'Parliamentary libraries — دليل المكتبات البرلمانية';
let server: ServerProcess;
let guideId: string;
test.beforeAll(async () => {
  server = await ServerProcess.start();
  guideId = await server.createGuide(guideTitle);
});
test.afterAll(async () => {
  await server.dispose();
});

/** A fresh browser (no name chosen yet) whose stored language choice is `code`. */
async function contextIn(browser: Browser, code: Language): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript((language) => {
    localStorage.setItem('draftroom:language', language);
  }, code);
  return context;
}

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the page as it is now and fails with a readable list of any violations. */
async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const readable = results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${where}: [${violation.id}, ${violation.impact ?? 'n/a'}] ${violation.help}\n` +
        `  at ${node.target.join(' ')}\n` +
        `  ${node.failureSummary?.replaceAll('\n', '\n  ') ?? ''}`,
    ),
  );
  expect(readable, readable.join('\n\n')).toEqual([]);
}

async function expectDocumentLanguage(page: Page, code: Language, dir: 'ltr' | 'rtl') {
  await expect(page.locator('html')).toHaveAttribute('lang', code);
  await expect(page.locator('html')).toHaveAttribute('dir', dir);
}

/**
 * Interface text that would be English in a French, Spanish or Arabic page: every visible or
 * announced string (text, `aria-label`, `title`, `placeholder`, the document title) is compared
 * with the English strings. People's own words are skipped: the app marks them with `dir="auto"`
 * or `<bdi>`, and language names carry their own `lang`.
 */
async function englishLeftOn(page: Page, code: Language): Promise<string[]> {
  if (code === 'en') return [];
  const found = await page.evaluate(() => {
    const userText = '[dir="auto"], bdi, [contenteditable], body [lang], script, style';
    const texts: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      if (text && !node.parentElement?.closest(userText)) texts.push(text);
    }
    for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (element.closest(userText)) continue;
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = element.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    }
    return texts;
  });
  const translated = new Set(strings[code].values());
  const english = [...strings.en.values()].filter((text) => !translated.has(text));
  const patterns = english
    .filter((text) => text.includes('{{'))
    .map(
      (text) =>
        new RegExp(
          `^${text
            .split(/\{\{[^}]*\}\}/)
            .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
            .join('.+')}$`,
        ),
    );
  return found.filter(
    (text) => english.includes(text) || patterns.some((pattern) => pattern.test(text)),
  );
}

async function expectNoEnglishLeft(page: Page, code: Language): Promise<void> {
  expect(await englishLeftOn(page, code)).toEqual([]);
}

function screenshotPath(name: string): string {
  return fileURLToPath(new URL(`../artifacts/screenshots/${name}`, import.meta.url));
}

for (const { code, dir, name } of languages) {
  test(`every page in ${name} (${code}) is translated and passes axe`, async ({ browser }) => {
    const context = await contextIn(browser, code);
    const page = await context.newPage();

    // Home page: the guide list with locale-formatted dates, and the new-guide form.
    await page.goto(server.url);
    await expectDocumentLanguage(page, code, dir);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr(code, 'home.title'));
    await expect(page).toHaveTitle(tr(code, 'app.documentTitle', { page: tr(code, 'home.title') }));
    await expect(
      page.getByRole('heading', { name: tr(code, 'home.create.heading') }),
    ).toBeVisible();
    await expect(page.getByLabel(tr(code, 'home.create.titleLabel'))).toBeVisible();
    await expect(page.getByRole('button', { name: tr(code, 'home.create.submit') })).toBeVisible();
    await expect(page.getByRole('navigation', { name: tr(code, 'nav.label') })).toBeVisible();
    const list = page.getByTestId('guide-list');
    await expect(list).toBeVisible();
    const { guides } = (await (await fetch(`${server.url}/api/guides`)).json()) as {
      guides: { createdAt: string }[];
    };
    const firstCreated = guides[0]?.createdAt ?? '';
    const formatted = await page.evaluate(
      ([iso, locale]) =>
        new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
          new Date(iso),
        ),
      [firstCreated, code] as const,
    );
    await expect(list).toContainText(tr(code, 'home.list.created', { date: formatted }));
    await expect(
      page.getByRole('button', { name: `${tr(code, 'language.current')} ${name}` }),
    ).toBeVisible();
    await expectNoAxeViolations(page, `home (${code})`);
    await expectNoEnglishLeft(page, code);

    // An empty title is refused with a translated message.
    await page.getByRole('button', { name: tr(code, 'home.create.submit') }).click();
    await expect(page.getByRole('alert')).toHaveText(tr(code, 'home.create.titleRequired'));
    await expectNoAxeViolations(page, `home with an error (${code})`);
    await expectNoEnglishLeft(page, code);

    // The list cannot be loaded: an alert says what to do and offers to try again.
    await page.route('**/api/guides', (route) => route.abort());
    await page.reload();
    const listAlert = page.getByRole('alert');
    await expect(listAlert).toContainText(tr(code, 'errors.api.network_error'));
    await expectNoAxeViolations(page, `home, list unavailable (${code})`);
    await expectNoEnglishLeft(page, code);
    await page.unroute('**/api/guides');
    await listAlert.getByRole('button', { name: tr(code, 'errors.retry') }).click();
    await expect(list).toBeVisible();

    // Guide page, first visit: the identity form comes before the editor. The collaboration
    // socket goes through the test, so that it can later be closed the way the server would.
    const sockets: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/collab\//, (socket) => {
      socket.connectToServer();
      sockets.push(socket);
    });
    await page.goto(`${server.url}/g/${guideId}`);
    await expect(
      page.getByRole('heading', { name: tr(code, 'identity.firstTitle') }),
    ).toBeVisible();
    const status = page.getByTestId('connection-status');
    await expect(status).toHaveAttribute('data-state', 'connected');
    await expect(status).toContainText(tr(code, 'connection.connected'));
    await expect(page).toHaveTitle(tr(code, 'app.documentTitle', { page: guideTitle }));
    await expectNoAxeViolations(page, `guide, first visit (${code})`);
    await expectNoEnglishLeft(page, code);

    // Choosing a name opens the editor with its toolbar, status and presence list.
    await page.getByLabel(tr(code, 'identity.nameLabel')).fill('Amina Diallo');
    await page.getByRole('button', { name: tr(code, 'identity.start') }).click();
    const editor = page.getByRole('textbox', { name: tr(code, 'editor.label') });
    await expect(editor).toBeVisible();
    await expect(page.getByRole('toolbar', { name: tr(code, 'toolbar.label') })).toBeVisible();
    await expect(page.getByRole('button', { name: tr(code, 'toolbar.bold.label') })).toBeVisible();
    await expect(page.getByTestId('presence-list')).toContainText(tr(code, 'presence.you'));
    await expect(status).toHaveAttribute('data-synced', 'true');
    await expect(status).toContainText(tr(code, 'connection.synced'));
    await expectNoAxeViolations(page, `guide with the editor (${code})`);
    await expectNoEnglishLeft(page, code);

    // The link form inside the toolbar.
    await page.getByRole('button', { name: tr(code, 'toolbar.link.label') }).click();
    await expect(page.getByLabel(tr(code, 'toolbar.linkForm.label'))).toBeFocused();
    await expectNoAxeViolations(page, `guide with the link form (${code})`);
    await expectNoEnglishLeft(page, code);
    await page.keyboard.press('Escape');

    // The "Change name" dialog.
    await page.getByRole('button', { name: tr(code, 'identity.change') }).click();
    const dialog = page.getByRole('dialog', { name: tr(code, 'identity.changeTitle') });
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page, `change-name dialog (${code})`);
    await expectNoEnglishLeft(page, code);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // A paste too large to send is refused, with an alert.
    await editor.click();
    await editor.evaluate((element) => {
      const clipboardData = new DataTransfer();
      clipboardData.setData('text/plain', 'x'.repeat(2 * 1024 * 1024));
      element.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }),
      );
    });
    const pasteAlert = page.getByTestId('paste-refused');
    await expect(pasteAlert).toBeVisible();
    await expectNoAxeViolations(page, `paste refused (${code})`);
    await expectNoEnglishLeft(page, code);
    await pasteAlert.getByRole('button', { name: tr(code, 'editor.dismiss') }).click();
    await expect(pasteAlert).toBeHidden();

    // The server closes the connection for good (access withdrawn): an alert explains it.
    expect(sockets.length).toBeGreaterThan(0);
    await sockets.at(-1)?.close({ code: 4403, reason: 'forbidden' });
    const problem = page.getByTestId('collab-problem');
    await expect(problem).toContainText(tr(code, 'collabProblem.forbidden'));
    await expect(
      problem.getByRole('button', { name: tr(code, 'collabProblem.retry') }),
    ).toBeVisible();
    await expect(status).toHaveAttribute('data-state', 'error');
    await expect(status).toContainText(tr(code, 'connection.stopped'));
    await expectNoAxeViolations(page, `connection refused (${code})`);
    await expectNoEnglishLeft(page, code);

    // Not-found pages: an unknown address and an unknown guide.
    await page.goto(`${server.url}/no/such/page`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      tr(code, 'notFound.pageTitle'),
    );
    await expect(page).toHaveTitle(
      tr(code, 'app.documentTitle', { page: tr(code, 'notFound.pageTitle') }),
    );
    await expectDocumentLanguage(page, code, dir);
    await expectNoAxeViolations(page, `not found (${code})`);
    await expectNoEnglishLeft(page, code);

    await page.goto(`${server.url}/g/no-such-guide`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      tr(code, 'notFound.guideTitle'),
    );
    await expect(page.getByRole('link', { name: tr(code, 'notFound.home') })).toBeVisible();
    await expectNoAxeViolations(page, `guide not found (${code})`);
    await expectNoEnglishLeft(page, code);

    await context.close();
  });
}

test('the language menu switches the interface, announces it, and is remembered', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(server.url);
  await expect(page.getByTestId('guide-list')).toBeVisible();
  await expectDocumentLanguage(page, 'en', 'ltr');

  // Keyboard: Tab to the menu button, open it, arrow to French, choose it.
  const menuButton = page.getByRole('button', { name: 'Language: English' });
  await menuButton.focus();
  await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  // Named in the page's language: "Language", then "Langue" once French is chosen.
  const menu = page.getByRole('menu');
  await expect(page.getByRole('menu', { name: 'Language' })).toBeVisible();
  await expect(menu.getByRole('menuitemradio', { name: 'English' })).toBeFocused();
  await expect(menu.getByRole('menuitemradio', { name: 'English' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  // Each language is named in itself, marked with its own language for speech.
  await expect(
    menu.getByRole('menuitemradio', { name: 'العربية' }).locator('[lang="ar"][dir="rtl"]'),
  ).toBeVisible();
  await expect(
    menu.getByRole('menuitemradio', { name: 'Français' }).locator('[lang="fr"]'),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'home with the language menu open (en)');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitemradio', { name: 'Français' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expectDocumentLanguage(page, 'fr', 'ltr');
  await expect(menu).toBeHidden();
  const frenchButton = page.getByRole('button', {
    name: `${tr('fr', 'language.current')} Français`,
  });
  await expect(frenchButton).toBeFocused();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr('fr', 'home.title'));
  await expect(page).toHaveTitle(tr('fr', 'app.documentTitle', { page: tr('fr', 'home.title') }));
  const announcement = page.getByTestId('language-announcement');
  await expect(announcement).toHaveText(tr('fr', 'language.changed'));
  await expect(announcement).toHaveAttribute('role', 'status');

  // Escape closes without choosing; the mouse works too.
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menu', { name: tr('fr', 'language.label') })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(frenchButton).toBeFocused();
  await frenchButton.click();
  await menu.getByRole('menuitemradio', { name: 'العربية' }).click();
  await expectDocumentLanguage(page, 'ar', 'rtl');
  await expect(announcement).toHaveText(tr('ar', 'language.changed'));
  await expect(page).toHaveTitle(tr('ar', 'app.documentTitle', { page: tr('ar', 'home.title') }));
  expect(await page.evaluate(() => localStorage.getItem('draftroom:language'))).toBe('ar');

  // Remembered after a reload, without announcing anything.
  await page.reload();
  await expect(page.getByTestId('guide-list')).toBeVisible();
  await expectDocumentLanguage(page, 'ar', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr('ar', 'home.title'));
  await expect(announcement).toHaveText('');

  // On a guide, the editor's accessible name (set outside React, by ProseMirror) follows too.
  await page.goto(`${server.url}/g/${guideId}`);
  await page.getByLabel(tr('ar', 'identity.nameLabel')).fill('Sofía Herrera');
  await page.getByRole('button', { name: tr('ar', 'identity.start') }).click();
  await expect(page.getByRole('textbox', { name: tr('ar', 'editor.label') })).toBeVisible();
  await page.getByTestId('language-menu-button').click();
  await page.getByRole('menuitemradio', { name: 'Español' }).click();
  await expectDocumentLanguage(page, 'es', 'ltr');
  await expect(page.getByRole('textbox', { name: tr('es', 'editor.label') })).toBeVisible();
  await expect(page.getByRole('toolbar', { name: tr('es', 'toolbar.label') })).toBeVisible();
  await expect(page).toHaveTitle(tr('es', 'app.documentTitle', { page: guideTitle }));
  await expect(announcement).toHaveText(tr('es', 'language.changed'));
  await expectNoEnglishLeft(page, 'es');
  await context.close();
});

test('the first visit follows the browser languages, else English', async ({ browser }) => {
  for (const [locale, expected] of [
    ['es-MX', 'es'],
    ['ar-EG', 'ar'],
    ['de-DE', 'en'],
  ] as const) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto(server.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr(expected, 'home.title'));
    await expectDocumentLanguage(page, expected, expected === 'ar' ? 'rtl' : 'ltr');
    await context.close();
  }
});

test('Arabic lays out right to left (screenshots)', async ({ browser }) => {
  const context = await contextIn(browser, 'ar');
  await context.addInitScript(() =>
    localStorage.setItem(
      'draftroom:identity',
      JSON.stringify({ name: 'أمينة ديالو', color: '#047857' }),
    ),
  );
  const page = await context.newPage();
  await page.goto(server.url);
  await expect(page.getByTestId('guide-list')).toBeVisible();

  // Header mirrored: the name of the product at the right, the language menu at the left.
  const brand = await page.getByRole('link', { name: 'Draftroom' }).boundingBox();
  const menuButton = await page.getByTestId('language-menu-button').boundingBox();
  expect(brand && menuButton && brand.x > menuButton.x).toBe(true);
  await page.screenshot({ path: screenshotPath('home-ar.png'), fullPage: true });

  // A second person, writing in English with an English interface, so that Arabic and English
  // paragraphs and a caret label show side by side.
  const other = await browser.newContext();
  await other.addInitScript(() =>
    localStorage.setItem(
      'draftroom:identity',
      JSON.stringify({ name: 'Jean Dupont', color: '#b91c1c' }),
    ),
  );
  const otherPage = await other.newPage();

  await page.goto(`${server.url}/g/${guideId}`);
  const editor = page.getByRole('textbox', { name: tr('ar', 'editor.label') });
  await expect(editor).toBeVisible();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-synced', 'true');
  await editor.click();
  await page.keyboard.type('مقدمة: كيف تنظم المكتبة البرلمانية خدماتها عن بعد.');
  await page.keyboard.press('Enter');

  await otherPage.goto(`${server.url}/g/${guideId}`);
  const otherEditor = otherPage.getByRole('textbox', { name: 'Guide text' });
  await expect(otherEditor).toBeVisible();
  await expect(otherEditor).toContainText('مقدمة');
  await otherEditor.click();
  await otherPage.keyboard.press('ControlOrMeta+End');
  await otherPage.keyboard.type('Checklist for remote research requests');

  await expect(page.getByTestId('presence-list')).toContainText('Jean Dupont');
  await expect(
    page.locator('.collaboration-carets__label', { hasText: 'Jean Dupont' }),
  ).toBeVisible();

  // Side panel on the left of the editor; the toolbar starts at the right.
  const panel = await page.getByRole('complementary').boundingBox();
  const editorBox = await editor.boundingBox();
  expect(panel && editorBox && panel.x < editorBox.x).toBe(true);
  const bold = await page
    .getByRole('button', { name: tr('ar', 'toolbar.bold.label') })
    .boundingBox();
  const table = await page
    .getByRole('button', { name: tr('ar', 'toolbar.table.label') })
    .boundingBox();
  expect(bold && table && bold.x > table.x).toBe(true);
  await expectNoAxeViolations(page, 'guide in Arabic with two people');
  await page.screenshot({ path: screenshotPath('guide-page-ar.png'), fullPage: true });

  await other.close();
  await context.close();
});
