import { expect, test, type Browser } from '@playwright/test';
import { serverForSpec } from '../fixtures/guideSpec.ts';
import { expectConnected, expectGuideText, openPageAs, type Person } from '../fixtures/people.ts';
import { switchLanguage } from '../fixtures/pages.ts';
import { keepShots } from '../fixtures/shots.ts';

// Issue 11: contributors of a guide, per person and per parliament, from what the server
// recorded with every stored change: the person signed in on the socket, never a name typed.
const spec = serverForSpec();

async function openAs(
  browser: Browser,
  guideId: string,
  name: string,
  profile: { parliament: string; country: string },
): Promise<Person> {
  const { url } = spec.server;
  const person = await openPageAs(
    browser,
    url,
    spec.server.inviteFor(guideId),
    `/g/${guideId}`,
    name,
    profile,
  );
  spec.people.push(person);
  await expectConnected(person);
  return person;
}

test('contributors are listed per parliament and per person, from their sign-ins', async ({
  browser,
}, testInfo) => {
  const guideId = await spec.server.createGuide('Who wrote this');
  const amina = await openAs(browser, guideId, 'Amina Diallo', {
    parliament: 'National Assembly of Senegal',
    country: 'SN',
  });
  const layla = await openAs(browser, guideId, 'Layla Haddad', {
    parliament: 'Parliament of Lebanon',
    country: 'LB',
  });

  await amina.editor.click();
  await amina.page.keyboard.type('Purpose of the guide.');
  await expectGuideText(layla, 'Purpose of the guide.');
  await layla.editor.click();
  await layla.page.keyboard.press('ControlOrMeta+End');
  // A name typed into the text credits nobody: only the sign-in does.
  await layla.page.keyboard.type(' Written by Amina Diallo.');
  await expectGuideText(amina, 'Written by Amina Diallo.');

  const panel = amina.page.locator('details.contributors');
  await panel.getByText('Contributors').click();
  const people = amina.page.getByTestId('contributor');
  await expect(people).toHaveCount(2);
  await expect(amina.page.getByTestId('contributors-people')).toContainText('Amina Diallo');
  await expect(amina.page.getByTestId('contributors-people')).toContainText(
    'Layla HaddadParliament of Lebanon · ',
  );
  await expect(amina.page.getByTestId('contributors')).toContainText(
    'National Assembly of Senegal · Senegal',
  );
  await keepShots(amina.page, testInfo, 'guide-contributors-en');

  await switchLanguage(layla.page, 'ar');
  await layla.page.locator('details.contributors summary').click();
  await expect(layla.page.getByTestId('contributor')).toHaveCount(2);
  await expect(layla.page.getByTestId('contributors')).toContainText('لبنان');
  await keepShots(layla.page, testInfo, 'guide-contributors-ar');
});
