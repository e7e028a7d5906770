import { expect, test } from '@playwright/test';
import { instancesForSpec } from '../fixtures/instances.ts';
import { expectGuideText, openGuideAs, openPageAs, typeAtEnd } from '../fixtures/people.ts';
import { keepShots, phone } from '../fixtures/shots.ts';

// Two instances on PostgreSQL and Redis, each person's browser on a different one: they write
// together as on one server; when Redis is lost each is told that the others see their edits
// late, and once it is back everything meets without a reload.
const spec = instancesForSpec();

test('people on two instances write together, and are told when the link between them is lost', async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const { instances } = spec;
  const guideId = await instances.createGuide('Two servers handbook');
  const alice = await openGuideAs(browser, instances.at(0), guideId, 'Alice Moreau');
  const bashir = await openGuideAs(browser, instances.at(1), guideId, 'Bashir Haddad');
  spec.people.push(alice, bashir);

  await typeAtEnd(alice, 'Alice writes on the first server.');
  await expectGuideText(bashir, 'Alice writes on the first server.');
  await bashir.page.keyboard.press('ControlOrMeta+End');
  await typeAtEnd(bashir, ' Bashir answers from the second.');
  await expectGuideText(alice, 'Bashir answers from the second.');
  await expect(alice.page.getByTestId('presence-list')).toContainText('Bashir Haddad');
  await expect(bashir.page.getByTestId('presence-list')).toContainText('Alice Moreau');

  await instances.redis.kill();
  await expect(alice.status).toContainText('people on other servers see it after a delay');
  await expect(bashir.status).toContainText('people on other servers see it after a delay');
  await alice.page.keyboard.press('ControlOrMeta+End');
  await typeAtEnd(alice, ' Written while apart.');
  await keepShots(alice.page, testInfo, 'scale-out-redis-lost-en');

  await instances.redis.restart();
  await expect(alice.status).toContainText('Synced', { timeout: 20_000 });
  await expectGuideText(bashir, 'Written while apart.');
  await expect(bashir.status).toHaveAttribute('data-pending', '0');
});

test('in Arabic on a phone, the same state is read out in Arabic', async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const { instances } = spec;
  const guideId = await instances.createGuide('دليل الخادمين');
  const layla = await openPageAs(
    browser,
    instances.url(1),
    instances.at(1).inviteFor(guideId),
    `/g/${guideId}`,
    'ليلى حداد',
    { preferredLanguage: 'ar', country: 'JO', parliament: 'مجلس النواب' },
  );
  spec.people.push(layla);
  await layla.page.setViewportSize(phone);
  await expect(layla.status).toHaveAttribute('data-synced', 'true');
  await instances.redis.kill();
  const status = layla.page.getByTestId('connection-status');
  await expect(status).toContainText('يراه المشاركون على الخوادم الأخرى بعد تأخير');
  await expect(layla.page.locator('html')).toHaveAttribute('dir', 'rtl');
  await keepShots(layla.page, testInfo, 'scale-out-redis-lost-ar');
  await instances.redis.restart();
  await expect(status).toHaveAttribute('data-state', 'connected');
  await expect(status).not.toContainText('بعد تأخير', { timeout: 20_000 });
});
