import { expect, test } from '@playwright/test';
import { serverForSpec } from '../fixtures/guideSpec.ts';
import { expectGuideText, openGuideAs, type Person } from '../fixtures/people.ts';
import { keepShots } from '../fixtures/shots.ts';

// Issue 11: permission is state the server sends. A participant whose role changes while their
// guide is open is told at once: the editor turns read-only with the reason shown and announced,
// and editable again when the role comes back. Their typing is refused by the server meanwhile.
const spec = serverForSpec();

async function personIdOf(person: Person): Promise<string> {
  const response = await person.context.request.get(`${spec.server.url}/api/me`);
  const me = (await response.json()) as { person: { id: string } };
  return me.person.id;
}

test('a participant made observer while writing is told, and can write again when restored', async ({
  browser,
}, testInfo) => {
  const guideId = await spec.server.createGuide('Changing roles');
  const writer = await openGuideAs(browser, spec.server, guideId, 'Amina Diallo');
  const witness = await openGuideAs(browser, spec.server, guideId, 'Bashir Haddad');
  spec.people.push(writer, witness);
  const personId = await personIdOf(writer);
  const setRole = (role: 'observer' | 'participant') =>
    spec.server.organiser.expect(200, 'PATCH', `/api/people/${personId}`, { role });

  await writer.editor.click();
  await writer.page.keyboard.type('Before the change.');
  await expectGuideText(witness, 'Before the change.');

  await setRole('observer');
  const note = writer.page.getByTestId('read-only-note');
  await expect(note).toHaveText(/Your role in this group changed/);
  await expect(note).toHaveAttribute('role', 'status');
  await expect(writer.editor).toHaveAttribute('contenteditable', 'false');
  await expect(writer.editor).toHaveAttribute('aria-readonly', 'true');
  // The header follows the new role too, without a reload.
  await expect(writer.page.getByRole('banner')).toContainText('Observer');
  await keepShots(writer.page, testInfo, 'guide-made-observer');

  await setRole('participant');
  await expect(writer.page.getByTestId('writable-again')).toHaveText(/write in this guide again/);
  await expect(writer.editor).toHaveAttribute('contenteditable', 'true');
  await writer.editor.click();
  await writer.page.keyboard.press('ControlOrMeta+End');
  await writer.page.keyboard.type(' After the change.');
  await expectGuideText(witness, 'Before the change. After the change.');
});
