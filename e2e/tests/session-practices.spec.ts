import { expect, test } from '@playwright/test';
import { serverForSpec } from '../fixtures/guideSpec.ts';
import { inviteLink, openPageAs } from '../fixtures/people.ts';
import { checkPage, switchLanguage } from '../fixtures/pages.ts';
import { keepShots } from '../fixtures/shots.ts';
import { approvedPractice, createExchange } from '../fixtures/practices.ts';

// Issue 17, a good-practice exchange: the facilitator sets the running order (search, presenter,
// reorder by keyboard) and says which practice is presented now; a participant's session page
// and the presenter view follow live, in English and Arabic, axe clean.
const spec = serverForSpec();

test('a facilitator sets the running order and the current practice; pages follow live', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const server = spec.server;
  const exchange = await createExchange(server.organiser, 'Exchange on open parliaments', [
    'en',
    'ar',
  ]);
  await approvedPractice(server.organiser, {
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
  const scope = { type: 'session' as const, id: exchange.id };
  const path = `/sessions/${exchange.id}`;
  const fatou = await openPageAs(
    browser,
    server.url,
    await inviteLink(server, 'facilitator', scope),
    path,
    'Fatou Facilitator',
  );
  const amina = await openPageAs(
    browser,
    server.url,
    await inviteLink(server, 'participant', scope),
    path,
    'Amina Diallo',
  );
  spec.people.push(fatou, amina);
  const section = fatou.page.getByTestId('session-practices');
  const seen = amina.page.getByTestId('session-practices');
  await expect(seen).toContainText('No practice is in the running order yet.');
  await expect(seen.getByRole('button', { name: 'Edit the running order' })).toHaveCount(0);
  // A delegate brings her parliament's practice from the session: the library's form.
  await expect(
    seen.getByRole('link', { name: 'Submit your parliament’s practice' }),
  ).toHaveAttribute('href', '/library/new');

  // The facilitator adds both practices by searching, names a presenter, moves one up.
  await section.getByRole('button', { name: 'Edit the running order' }).click();
  const search = section.getByRole('combobox', { name: 'Search approved practices' });
  const options = section.getByRole('option');
  await search.fill('Hansard');
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText('Hansard online within a day');
  await search.press('Enter');
  // The field is emptied for the next one.
  await expect(search).toHaveValue('');
  await search.fill('Accra');
  await expect(section.getByText('1 practice found')).toBeVisible();
  await expect(options.first()).toContainText('Open budget portal');
  await search.press('Enter');
  const rows = section.getByTestId('running-order-edit-item');
  await expect(rows).toHaveCount(2);
  await rows.nth(1).getByRole('textbox', { name: 'Presenter' }).fill('Kofi Mensah');
  // By keyboard: focus stays on the button pressed, now on the practice it moved (at the top, where
  // it can do nothing more, it says so with aria-disabled but stays reachable).
  await rows.nth(1).getByRole('button', { name: 'Move up' }).focus();
  await fatou.page.keyboard.press('Enter');
  await expect(rows.nth(0)).toContainText('Open budget portal');
  await expect(rows.nth(0).getByRole('button', { name: 'Move up' })).toBeFocused();
  await expect(rows.nth(0).getByRole('button', { name: 'Move up' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await checkPage(fatou.page, 'en', 'running order being edited');
  await keepShots(fatou.page, testInfo, 'running-order-edit-en');
  await section.getByRole('button', { name: 'Save the running order' }).click();
  await expect(section.getByRole('status').first()).toHaveText('Running order saved.');

  // The participant's page follows, without a reload.
  const items = seen.getByTestId('running-order-item');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('Open budget portal');
  await expect(items.nth(0)).toContainText('Presented by');
  await expect(items.nth(0)).toContainText('Kofi Mensah');
  await expect(items.nth(1)).toContainText('Hansard online within a day');
  await expect(seen.getByRole('button', { name: 'Present this one' })).toHaveCount(0);

  // The presenter view (the participant's second tab), in practice mode.
  const presenter = await amina.context.newPage();
  await presenter.goto(`${server.url}${path}/present?practice=1`);
  const shown = presenter.getByTestId('presenter-practice');
  await expect(shown).toContainText('No practice is being presented right now.');

  // "Present this one": the participant's page marks it, the presenter view shows it.
  await section
    .getByTestId('running-order-item')
    .nth(0)
    .getByRole('button', { name: 'Present this one' })
    .click();
  await expect(items.nth(0)).toHaveAttribute('aria-current', 'true');
  await expect(items.nth(0)).toContainText('Being presented now');
  await expect(shown.getByRole('heading', { level: 2 })).toHaveText('Open budget portal');
  await expect(shown).toContainText('Parliament of Ghana · Ghana');
  await expect(shown).toContainText('Every vote on the budget, line by line');
  await expect(shown).toContainText('Kofi Mensah');
  await checkPage(amina.page, 'en', 'session page with a running order');
  await keepShots(amina.page, testInfo, 'running-order-en');
  await checkPage(presenter, 'en', 'presenter view of a practice');
  await keepShots(presenter, testInfo, 'presenter-practice-en');

  // The next one: both follow again.
  await section
    .getByTestId('running-order-item')
    .nth(1)
    .getByRole('button', { name: 'Present this one' })
    .click();
  await expect(items.nth(1)).toHaveAttribute('aria-current', 'true');
  await expect(items.nth(0)).not.toHaveAttribute('aria-current', 'true');
  await expect(shown.getByRole('heading', { level: 2 })).toHaveText('Hansard online within a day');

  // Arabic: the participant's page and the presenter view in the session's other language.
  await switchLanguage(amina.page, 'ar');
  await expect(seen.getByRole('heading', { name: 'الممارسات المعروضة' })).toBeVisible();
  await expect(items.nth(1)).toContainText('تُعرض الآن');
  await checkPage(amina.page, 'ar', 'session page with a running order');
  await keepShots(amina.page, testInfo, 'running-order-ar');
  await presenter.goto(`${server.url}${path}/present?practice=1&lang=ar`);
  await expect(shown.getByRole('heading', { level: 1 })).toHaveText('ممارسة جيدة');
  await expect(shown).toContainText('كينيا');
  await checkPage(presenter, 'ar', 'presenter view of a practice');
  await keepShots(presenter, testInfo, 'presenter-practice-ar');
  await switchLanguage(fatou.page, 'ar');
  await checkPage(fatou.page, 'ar', 'running order with controls');
  await keepShots(fatou.page, testInfo, 'running-order-facilitator-ar');
});
