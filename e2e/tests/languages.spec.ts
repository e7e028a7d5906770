import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { ServerProcess } from '../fixtures/server.ts';
import { joinAs } from '../fixtures/people.ts';
import { languageName, languages, tr } from '../fixtures/locales.ts';
import {
  expectDocumentLanguage,
  expectNoAxeViolations,
  switchLanguage,
} from '../fixtures/pages.ts';
import {
  observerTour,
  organiserTour,
  participantTour,
  signedOutTour,
  type DemoIds,
} from '../fixtures/languageTours.ts';

// The interface in English, French, Spanish and Arabic: every page has nothing left in English
// in every language and passes an automated WCAG 2.1 AA check (axe) left to right and right to
// left (English and Arabic: `axeLanguages` says why not French and Spanish), Arabic lays out right to left,
// dates follow the language, and the language a person picks is remembered on the person, so
// another device opens in it.

type Role = 'visitor' | 'participant' | 'observer' | 'organiser';
let server: ServerProcess;
let ids: DemoIds;
/** One browser per kind of person, kept for all the languages (and signed in once). */
const pages = {} as Record<Role, Page>;
const contexts: BrowserContext[] = [];

test.beforeAll(async ({ browser }) => {
  server = await ServerProcess.start();
  const { sessions } = await server.organiser.expect<{ sessions: { id: string; kind: string }[] }>(
    200,
    'GET',
    '/api/programme',
  );
  const sessionId = sessions.find((session) => session.kind === 'co-creation')?.id ?? '';
  const { groups } = await server.organiser.expect<{
    groups: { name: string; guideId: string }[];
  }>(200, 'GET', `/api/sessions/${sessionId}`);
  const guideId = groups.find((group) => group.name === 'Remote sittings')?.guideId ?? '';
  const otherGuideId = groups.find((group) => group.guideId !== guideId)?.guideId ?? '';
  // A parliament invited to register: its focal point's page is on the signed-out tour.
  const { registrationPath } = await server.organiser.expect<{ registrationPath: string }>(
    201,
    'POST',
    '/api/registrations/delegations',
    {
      parliament: 'Parlamento de Chile',
      country: 'CL',
      focalPoint: { name: 'Camila Rojas', email: 'camila@congreso.example' },
    },
  );
  // An approved practice on the published library: the library pages are on the tours.
  const practice = await server.organiser.expect<{ id: string; revision: number }>(
    201,
    'POST',
    '/api/practices',
    {
      title: 'Bills as open data',
      parliament: 'Parliament of Ghana',
      country: 'GH',
      audiences: ['parliamentary-websites'],
      topics: ['open-data'],
      summary: 'Every bill is published as open data.',
      whatWasDone: { type: 'doc', content: [{ type: 'paragraph' }] },
      results: { type: 'doc', content: [{ type: 'paragraph' }] },
      lessons: { type: 'doc', content: [{ type: 'paragraph' }] },
      contact: null,
      links: [],
      languages: ['en'],
    },
  );
  await server.organiser.expect(200, 'POST', `/api/practices/${practice.id}/review`, {
    revision: practice.revision,
    to: 'approved',
  });
  await server.organiser.expect(200, 'PUT', `/api/practices/${practice.id}/publication`, {
    public: true,
  });
  const { publicPath } = await server.organiser.expect<{ publicPath: string }>(
    200,
    'PUT',
    '/api/library/settings',
    { published: true },
  );
  ids = {
    practiceId: practice.id,
    publicLibraryPath: publicPath,
    sessionId,
    guideId,
    otherGuideId,
    participantLink: server.link('participant'),
    registrationLink: `${server.url}${registrationPath}`,
  };

  const visitor = await browser.newContext();
  pages.visitor = await visitor.newPage();
  contexts.push(visitor);
  const people = [
    ['participant', 'Amina Diallo'],
    ['observer', 'Olivier Martin'],
    ['organiser', 'Oksana Petrenko'],
  ] as const;
  for (const [role, name] of people) {
    const { context, page } = await joinAs(browser, server.url, server.link(role), name);
    contexts.push(context);
    pages[role] = page;
  }
});
test.afterAll(async () => {
  for (const context of contexts) await context.close();
  await server.dispose();
});

for (const { code, name } of languages) {
  test(`every page in ${name} (${code}) is whole, with nothing left in English`, async () => {
    // Every page of four kinds of person, checked by axe in English and Arabic: 1.4–1.8 min on a
    // quiet two-core machine since the search page joined the tour, too close to the default bound.
    test.setTimeout(240_000);
    await signedOutTour(pages.visitor, server.url, code, ids);
    await participantTour(pages.participant, server.url, code, ids);
    await observerTour(pages.observer, server.url, code, ids);
    await organiserTour(pages.organiser, server.url, code, ids);
  });
}

test('Arabic lays out right to left', async () => {
  const page = pages.participant;
  await page.goto(server.url);
  await expect(page.getByTestId('guide-list')).toBeVisible();
  await switchLanguage(page, 'ar');
  await expectDocumentLanguage(page, 'ar');

  // Header mirrored: the product's name at the right, then the navigation leftwards; the
  // language menu at the far left.
  const box = async (locator: ReturnType<Page['getByRole']>) => {
    const found = await locator.boundingBox();
    if (!found) throw new Error('not visible');
    return found;
  };
  const nav = page.getByRole('navigation', { name: tr('ar', 'nav.label') });
  const brand = await box(page.getByRole('link', { name: tr('ar', 'app.name') }));
  const myGuides = await box(nav.getByRole('link', { name: tr('ar', 'nav.myGuides') }));
  const programme = await box(nav.getByRole('link', { name: tr('ar', 'nav.programme') }));
  const menu = await box(page.getByRole('button', { name: new RegExp(languageName('ar')) }));
  expect(brand.x).toBeGreaterThan(myGuides.x + myGuides.width - 1);
  expect(myGuides.x).toBeGreaterThan(programme.x + programme.width - 1);
  expect(menu.x + menu.width).toBeLessThan(programme.x);
  // Text starts at the right edge of the page's column.
  const title = await box(page.getByRole('heading', { level: 1 }));
  expect(title.x + title.width).toBeGreaterThan(brand.x + brand.width - 2);
  await page.screenshot({ path: test.info().outputPath('home-ar.png'), fullPage: true });

  // The guide: the side panel on the left of the editor, the toolbar starting at the right.
  await page.goto(`${server.url}/g/${ids.guideId}`);
  const editor = page.getByRole('textbox', { name: tr('ar', 'editor.label') });
  await expect(editor).toBeVisible();
  const panel = await box(page.getByRole('complementary', { name: tr('ar', 'guide.panelLabel') }));
  const editorBox = await box(editor);
  expect(panel.x + panel.width).toBeLessThan(editorBox.x);
  const bold = await box(page.getByRole('button', { name: tr('ar', 'toolbar.bold.label') }));
  const table = await box(page.getByRole('button', { name: tr('ar', 'toolbar.table.label') }));
  expect(bold.x).toBeGreaterThan(table.x);
  await page.screenshot({ path: test.info().outputPath('guide-ar.png') });

  const organiser = pages.organiser;
  await organiser.goto(`${server.url}/organise/sessions/${ids.sessionId}`);
  await expect(organiser.locator('.organiser-nav')).toBeVisible();
  await switchLanguage(organiser, 'ar');
  await organiser.screenshot({
    path: test.info().outputPath('organiser-groups-ar.png'),
    fullPage: true,
  });
});

test('dates and times follow the language', async () => {
  const page = pages.participant;
  const shown: Record<string, { day: string; time: string }> = {};
  for (const { code } of languages) {
    await page.goto(`${server.url}/programme`);
    await expect(page.getByTestId('programme-session').first()).toBeVisible();
    await switchLanguage(page, code);
    const expected = await page.evaluate((locale) => {
      const start = new Date('2021-06-16T12:00:00Z');
      const end = new Date('2021-06-16T13:30:00Z');
      return {
        day: new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(start),
        time: new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).formatRange(start, end),
      };
    }, code);
    const day = page.locator('.programme-day').first();
    await expect(day.getByRole('heading', { level: 2 })).toHaveText(expected.day);
    await expect(day.locator('.session-item__yours').first()).toHaveText(expected.time);
    shown[code] = expected;
  }
  // "Wednesday, June 16, 2021" is not "mercredi 16 juin 2021", nor "miércoles, 16 de junio…".
  expect(new Set(languages.map(({ code }) => shown[code]?.day)).size).toBe(languages.length);
  expect(shown.fr?.day).toMatch(/^mercredi 16 juin 2021$/);
});

test('the language menu works with the keyboard and announces the change', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(server.url);
  await expectDocumentLanguage(page, 'en');
  const menuButton = page.getByTestId('language-menu-button');
  await expect(menuButton).toHaveAccessibleName('Language: English');
  await menuButton.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Language' });
  await expect(menu.getByRole('menuitemradio', { name: 'English' })).toBeFocused();
  await expect(menu.getByRole('menuitemradio', { name: 'English' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  // Each language is named in itself, marked with its own language for speech.
  await expect(
    menu.getByRole('menuitemradio', { name: 'العربية' }).locator('[lang="ar"][dir="rtl"]'),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'welcome with the language menu open (en)');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitemradio', { name: 'Français' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expectDocumentLanguage(page, 'fr');
  await expect(menu).toBeHidden();
  await expect(menuButton).toBeFocused();
  await expect(page.getByTestId('language-announcement')).toHaveText(tr('fr', 'language.changed'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr('fr', 'welcome.title'));

  // Remembered by this browser after a reload, without announcing it again.
  await page.reload();
  await expectDocumentLanguage(page, 'fr');
  await expect(page.getByTestId('language-announcement')).toHaveText('');
  await context.close();
});

test('a first visit follows the browser’s languages, else English', async ({ browser }) => {
  for (const [locale, expected] of [
    ['es-MX', 'es'],
    ['ar-EG', 'ar'],
    ['de-DE', 'en'],
  ] as const) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto(server.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr(expected, 'welcome.title'));
    await expectDocumentLanguage(page, expected);
    await context.close();
  }
});

test('the language a person picks follows them to another browser', async ({ browser }) => {
  // On their laptop, Layla joins and picks Arabic in the menu: it is saved on her profile.
  const laptop = await joinAs(browser, server.url, server.link('participant'), 'Layla Haddad');
  await laptop.page.goto(server.url);
  await expect(laptop.page.getByTestId('guide-list')).toBeVisible();
  await expectDocumentLanguage(laptop.page, 'en');
  await switchLanguage(laptop.page, 'ar');
  const me = await laptop.page.request.get(`${server.url}/api/me`);
  const { person } = (await me.json()) as { person: { id: string; preferredLanguage: string } };
  expect(person.preferredLanguage).toBe('ar');

  // On her phone (a fresh browser in English), she opens the personal sign-in link an organiser
  // made for her: the form has her details, and once in, Draftroom is in Arabic, unasked.
  const { joinPath } = await server.organiser.expect<{ joinPath: string }>(
    201,
    'POST',
    `/api/people/${person.id}/link`,
  );
  const phone = await browser.newContext({ locale: 'en-US' });
  const page = await phone.newPage();
  await page.goto(`${server.url}${joinPath}`);
  await expect(page.getByLabel('Your name')).toHaveValue('Layla Haddad');
  await expect(page.getByLabel('Preferred language')).toHaveValue('ar');
  await page.getByRole('button', { name: 'Join the conference' }).click();
  await expect(page.getByRole('textbox', { name: tr('ar', 'editor.label') })).toBeVisible();
  await expectDocumentLanguage(page, 'ar');
  await expect(page.getByTestId('language-menu-button')).toHaveAccessibleName(
    `${tr('ar', 'language.current')} العربية`,
  );
  // …and it stays so on this browser.
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr('ar', 'home.title'));
  await expectDocumentLanguage(page, 'ar');
  await phone.close();
  await laptop.context.close();
});
