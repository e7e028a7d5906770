import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { expect, test, type Page } from '@playwright/test';
import { createInvite, type ApiClient } from '@draftroom/server/testing';
import { serverForSpec } from '../fixtures/guideSpec.ts';
import { inviteLink, joinAs, openPageAs } from '../fixtures/people.ts';
import { expectNoAxeViolations, switchLanguage } from '../fixtures/pages.ts';
import { keepShots } from '../fixtures/shots.ts';

// Issue 16: "a delegate's personal programme highlights their audience's sessions". A participant
// chooses the audiences they follow on their profile; the programme marks the sessions for them
// and can show only those; they plan to attend one; the organiser sees "1 person plans to attend"; the
// calendar file downloads and an independent reader (ical.js) takes it, times in UTC.
const spec = serverForSpec();

const debateTitle = 'Social media, trust; and the public';
const sessionLine = (page: Page, title: string) =>
  page.getByTestId('programme-session').filter({ hasText: title });

async function createSession(
  organiser: ApiClient,
  title: string,
  audience: string[],
  startsAt: string,
): Promise<string> {
  const session = await organiser.expect<{ id: string }>(201, 'POST', '/api/sessions', {
    title,
    description: 'Two speakers, then questions.\nIn English and Arabic.',
    kind: 'thought-leader-debate',
    audience,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 90 * 60_000).toISOString(),
    languages: ['en', 'ar'],
  });
  return session.id;
}

test('a delegate’s personal programme highlights their audience’s sessions', async ({
  browser,
}, testInfo) => {
  const server = spec.server;
  const me = await server.organiser.expect<{ person: { eventId: string } }>(200, 'GET', '/api/me');
  const event = { type: 'event' as const, id: me.person.eventId };
  const debateId = await createSession(
    server.organiser,
    debateTitle,
    ['social-media'],
    '2021-06-16T11:00:00Z',
  );
  await createSession(
    server.organiser,
    'Library services for members',
    ['library-research'],
    '2021-06-16T14:00:00Z',
  );

  const amina = await openPageAs(
    browser,
    server.url,
    await inviteLink(server, 'participant', event),
    '/programme',
    'Amina Diallo',
  );
  spec.people.push(amina);
  const page = amina.page;
  await expect(sessionLine(page, debateTitle)).toBeVisible();
  // No audiences yet: nothing is marked, and the page says where to choose them.
  await expect(page.getByText('For your audiences')).toHaveCount(0);
  await expect(page.getByText('Choose the audiences you follow in your profile')).toBeVisible();

  // On her profile she follows social media.
  await page.getByTestId('person-chip').getByRole('button', { name: 'Profile' }).click();
  const dialog = page.getByRole('dialog', { name: 'Your profile' });
  const audiences = dialog.getByRole('group', { name: 'Audiences you follow' });
  await audiences.getByRole('checkbox', { name: 'Social media' }).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  // The programme, still open beneath, marks the debate and not the library session.
  await expect(sessionLine(page, debateTitle).getByText('For your audiences')).toBeVisible();
  await expect(
    sessionLine(page, 'Library services for members').getByText('For your audiences'),
  ).toHaveCount(0);
  // Clicked, not `check()`ed: the box follows the address, which the router updates a moment later.
  const onlyMine = page.getByRole('checkbox', { name: 'Only my audiences' });
  await onlyMine.click();
  await expect(onlyMine).toBeChecked();
  await expect(page).toHaveURL(/[?&]mine=1/);
  await expect(sessionLine(page, 'Library services for members')).toHaveCount(0);
  await expect(page.getByTestId('programme-session')).not.toHaveCount(0);
  for (const line of await page.getByTestId('programme-session').all()) {
    await expect(line.getByText('For your audiences')).toBeVisible();
  }

  // She plans to attend the debate: the toggle is pressed and the change is announced.
  const toggle = sessionLine(page, debateTitle).getByRole('button', { name: /^Plan to attend/ });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  // The title is isolated (FSI…PDI) inside the sentence, as <bdi> would in markup.
  await expect(page.getByTestId('plan-status')).toHaveText(
    `Added to your plan: \u2068${debateTitle}\u2069`,
  );
  await expect(page.getByText('You plan to attend 1 session.')).toBeVisible();
  // Participants are not shown counts.
  await expect(page.getByTestId('attending')).toHaveCount(0);
  await expectNoAxeViolations(page, 'personal programme (en)');

  // The calendar file downloads, and ical.js reads her session from it, in UTC.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download my calendar (.ics)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.ics$/);
  const calendar = new ICAL.Component(ICAL.parse(readFileSync((await file.path())!, 'utf8')));
  const events = calendar.getAllSubcomponents('vevent').map((each) => new ICAL.Event(each));
  expect(events.map((each) => each.summary)).toEqual([debateTitle]);
  expect(events[0]!.uid).toBe(`${debateId}@draftroom`);
  expect(events[0]!.startDate.zone?.tzid).toBe('UTC');
  expect(events[0]!.startDate.toJSDate().toISOString()).toBe('2021-06-16T11:00:00.000Z');
  expect(events[0]!.description).toContain(`${server.url}/sessions/${debateId}`);
  await expect(page.getByTestId('plan-status')).toHaveText(
    /^Your calendar is downloaded: \u2068.*\.ics\u2069$/,
  );

  // The organiser sees how many plan to attend each session.
  const organiserLink = `${server.url}${(await createInvite(server.organiser, 'organiser', event)).joinPath}`;
  const olga = await joinAs(browser, server.url, organiserLink, 'Olga Organiser');
  spec.people.push({
    name: 'Olga',
    ...olga,
    editor: olga.page.locator('x'),
    status: olga.page.locator('x'),
  });
  await olga.page.goto(`${server.url}/programme`);
  await expect(sessionLine(olga.page, debateTitle).getByTestId('attending')).toHaveText(
    '1 person plans to attend',
  );
  await expect(
    sessionLine(olga.page, 'Library services for members').getByTestId('attending'),
  ).toHaveText('0 people plan to attend');

  // Screenshots of the participant's programme in English and Arabic, desktop and phone.
  await onlyMine.click();
  await expect(onlyMine).not.toBeChecked();
  await keepShots(page, testInfo, 'personal-programme-en');
  await keepShots(olga.page, testInfo, 'personal-programme-organiser-en');
  await switchLanguage(page, 'ar');
  await expect(sessionLine(page, debateTitle).getByText('موجّهة إلى فئاتك')).toBeVisible();
  await expectNoAxeViolations(page, 'personal programme (ar)');
  // The status line follows the language too.
  await expect(page.getByTestId('plan-status')).toContainText('تم تنزيل تقويمك');
  await keepShots(page, testInfo, 'personal-programme-ar');
  await switchLanguage(olga.page, 'ar');
  await expect(sessionLine(olga.page, debateTitle).getByTestId('attending')).toHaveText(
    'شخص واحد ينوي الحضور',
  );
  await keepShots(olga.page, testInfo, 'personal-programme-organiser-ar');
});
