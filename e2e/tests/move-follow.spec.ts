import { expect, test } from '@playwright/test';
import { createCoCreationSession, createGroup, createInvite } from '@draftroom/server/testing';
import { serverForSpec } from '../fixtures/guideSpec.ts';
import { expectConnected, expectGuideText, openPageAs } from '../fixtures/people.ts';

// Issue 11: a facilitator moves someone to another group during the session; their open page
// follows them to the new group's guide and says why, and they write there at once.
const spec = serverForSpec();

test('a person moved to another group is taken to its guide, told why, and writes there', async ({
  browser,
}) => {
  const organiser = spec.server.organiser;
  const session = await createCoCreationSession(organiser, 'Moving people');
  const groupA = await createGroup(organiser, session.id, 'Group A');
  const groupB = await createGroup(organiser, session.id, 'Group B');
  const invite = await createInvite(organiser, 'participant', { type: 'group', id: groupA.id });
  const amina = await openPageAs(
    browser,
    spec.server.url,
    `${spec.server.url}${invite.joinPath}`,
    `/g/${groupA.guideId}`,
    'Amina Diallo',
  );
  const { context, page } = amina;
  spec.people.push(amina);
  await expectConnected(amina);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Group A');
  const me = (await (await context.request.get(`${spec.server.url}/api/me`)).json()) as {
    person: { id: string };
  };

  await organiser.expect(200, 'POST', `/api/groups/${groupB.id}/members`, {
    personIds: [me.person.id],
  });

  await expect(page).toHaveURL(new RegExp(`/g/${groupB.guideId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Group B');
  const notice = page.getByTestId('moved-notice');
  await expect(notice).toHaveText(
    'You were moved to this group (from “Group A”): this is now your guide.',
  );
  await expect(notice).toHaveAttribute('role', 'status');
  await expectConnected(amina);
  await amina.editor.click();
  await page.keyboard.type('Now writing in group B.');
  await expectGuideText(amina, 'Now writing in group B.');
});
