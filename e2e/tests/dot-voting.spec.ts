import { expect, test, type Locator, type Page } from '@playwright/test';
import { createCoCreationSession, createGroup } from '@draftroom/server/testing';
import { serverForSpec } from '../fixtures/guideSpec.ts';
import {
  expectConnected,
  inviteLink,
  openPageAs,
  typeAtEnd,
  type Person,
} from '../fixtures/people.ts';
import { expectNoAxeViolations, switchLanguage } from '../fixtures/pages.ts';
import { desktop, phone } from '../fixtures/shots.ts';

// Issue 15, dot-voting inside a guide: the facilitator opens a vote on the guide's sections, two
// participants place their dots (one from the keyboard alone), the facilitator sees the dots
// live, closes the vote, and the result shows beside the guide for everyone and with the
// version taken at closing in the history.
const spec = serverForSpec();
const title = 'Which sections stay in the final guide?';

const panelOf = (person: Person) => person.page.getByTestId('dot-vote-panel');
const add = (person: Person, item: string) =>
  panelOf(person).getByRole('button', { name: `Add a dot to “${item}”` });

/** The panel alone, at desktop and phone size, kept where people look at them. */
async function shootPanel(page: Page, panel: Locator, name: string) {
  for (const [size, viewport] of [
    ['desktop', desktop],
    ['phone', phone],
  ] as const) {
    await page.setViewportSize(viewport);
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `artifacts/screenshots/${name}-${size}.png` });
  }
  await page.setViewportSize(desktop);
}

test('a facilitator runs a dot vote on the sections; two participants vote, one by keyboard', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const server = spec.server;
  const session = await createCoCreationSession(server.organiser, 'Good-practice exchange');
  const group = await createGroup(server.organiser, session.id, 'Group Volta');
  const open = async (invite: string, name: string) => {
    const person = await openPageAs(browser, server.url, invite, `/g/${group.guideId}`, name);
    spec.people.push(person);
    await expectConnected(person);
    return person;
  };
  const facilitator = await open(
    await inviteLink(server, 'facilitator', { type: 'session', id: session.id }),
    'Fatima Facilitator',
  );
  const groupInvite = await inviteLink(server, 'participant', { type: 'group', id: group.id });
  const amina = await open(groupInvite, 'Amina Diallo');
  const bashir = await open(groupInvite, 'Bashir Haddad');

  // The group writes its sections (Markdown's "## " makes a heading as one types).
  await typeAtEnd(amina, '## Purpose\n## Context\n## Good practices\nOur notes.');
  await expect(facilitator.editor.getByRole('heading', { name: 'Good practices' })).toBeVisible();

  // The facilitator opens the vote: a question, the sections, 3 dots each.
  const panel = panelOf(facilitator);
  await panel.getByText('Dot vote', { exact: true }).click();
  await panel.getByText('Open a dot vote').click();
  await panel.getByRole('textbox', { name: 'Question' }).fill(title);
  await expect(panel.getByRole('radio', { name: /sections/ })).toBeChecked();
  await panel.getByRole('combobox', { name: 'Dots per person' }).selectOption('3');
  await panel.getByRole('button', { name: 'Open the vote' }).click();
  await expect(panel.getByTestId('dot-vote-open')).toContainText(title);
  await expect(panel.getByRole('status')).toContainText(`Dot vote open: “${title}”.`);

  // Amina's panel opens by itself; she places two dots with the mouse.
  await expect(panelOf(amina).getByTestId('dot-vote-open')).toContainText(title);
  await expect(panelOf(amina).getByTestId('dots-left')).toHaveText('3 of 3 dots left');
  await add(amina, 'Purpose').click();
  await add(amina, 'Purpose').click();
  await expect(panelOf(amina).getByTestId('dots-left')).toHaveText('1 of 3 dots left');
  // The participants see who voted, not what: no totals until the vote closes.
  await expect(panelOf(amina).getByTestId('dot-results')).toHaveCount(0);

  // Bashir uses the keyboard alone: Tab to the button, Enter and Space press it; each move said.
  const toGood = add(bashir, 'Good practices');
  await panelOf(bashir)
    .getByRole('button', { name: 'Take a dot back from “Good practices”' })
    .focus();
  await bashir.page.keyboard.press('Tab');
  await expect(toGood).toBeFocused();
  await bashir.page.keyboard.press('Enter');
  await bashir.page.keyboard.press('Space');
  await bashir.page.keyboard.press('Enter');
  await expect(panelOf(bashir).getByTestId('dots-left')).toHaveText('0 of 3 dots left');
  await expect(panelOf(bashir).getByRole('status')).toContainText(
    '3 dots on “Good practices”. 0 of 3 dots left.',
  );
  await bashir.page.keyboard.press('Enter');
  await expect(panelOf(bashir).getByRole('status')).toContainText('No dots left');

  // The facilitator sees the dots arrive live, most first.
  await expect(panel.getByTestId('dot-vote-voters')).toHaveText('Open · 2 people have placed dots');
  const live = panel.getByTestId('dot-results').getByRole('row');
  await expect(live.nth(1)).toHaveText(/Good practices\s*3/);
  await expect(live.nth(2)).toHaveText(/Purpose\s*2/);
  await expectNoAxeViolations(amina.page, 'dot vote, open, participant');
  await shootPanel(amina.page, panelOf(amina), 'dot-vote-ballot-en');
  await shootPanel(facilitator.page, panel, 'dot-vote-running-en');

  await switchLanguage(bashir.page, 'ar');
  await expect(panelOf(bashir).getByTestId('dots-left')).toHaveText('بقي 0 من 3 نقاط');
  await shootPanel(bashir.page, panelOf(bashir), 'dot-vote-ballot-ar');

  // Closing asks first, then everyone sees the result.
  await panel.getByRole('button', { name: 'Close the vote' }).click();
  await facilitator.page
    .getByRole('dialog')
    .getByRole('button', { name: 'Close the vote' })
    .click();
  const result = panelOf(amina).getByTestId('dot-vote-closed');
  await expect(result).toContainText(title);
  await expect(result.getByRole('row').nth(1)).toHaveText(/Good practices\s*3/);
  await expect(panelOf(amina).getByRole('status')).toContainText(`Dot vote closed: “${title}”.`);

  // The history keeps the guide as it was when the vote closed, with the result beside it.
  const history = facilitator.page.locator('.history-panel');
  await history.locator('summary').first().click();
  const version = history.getByTestId('history-version').filter({ hasText: `Dot vote: ${title}` });
  await expect(version).toBeVisible();
  await expect(version.getByTestId('dot-vote-version-note')).toContainText('2 people voted');
  await expect(version.getByRole('row').nth(1)).toHaveText(/Good practices\s*3/);

  // In Arabic, right to left.
  await switchLanguage(amina.page, 'ar');
  await expect(panelOf(amina).getByText('النتائج')).toBeVisible();
  await expectNoAxeViolations(amina.page, 'dot vote, closed, Arabic');
  await shootPanel(amina.page, panelOf(amina), 'dot-vote-result-ar');
});
