import { expect, test, type Browser } from '@playwright/test';
import { serverForSpec } from '../fixtures/guideSpec.ts';
import { expectConnected, guideText, openGuideAs, type Person } from '../fixtures/people.ts';

// Issue 9: when someone splits, joins or wraps the block another person is typing in, that
// person's caret must stay in their own text. Three people type in the same and neighbouring
// blocks while one of them presses Enter, Backspace at a block start or toggles a list; after
// every round each person's words must be whole, in order, and where their caret was.

const spec = serverForSpec();

/** Each textblock's text, in order (other people's caret labels left out). */
function blocks(person: Person): Promise<string[]> {
  return person.editor.evaluate((editor) =>
    [...editor.querySelectorAll('p, h1, h2, h3')].map((block) => {
      const copy = block.cloneNode(true) as HTMLElement;
      for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
      return copy.textContent ?? '';
    }),
  );
}

/** Waits until everyone sees the same guide and nothing is waiting to be sent. */
async function settle(everyone: Person[]): Promise<void> {
  for (const person of everyone) await expect(person.status).toHaveAttribute('data-pending', '0');
  const first = everyone[0]!;
  for (const person of everyone.slice(1)) {
    await expect
      .poll(async () => (await guideText(person)) === (await guideText(first)))
      .toBe(true);
  }
}

/** Types fast, one key at a time, as a person would (each key is its own edit). */
async function typeRun(person: Person, text: string): Promise<void> {
  await person.page.keyboard.type(text, { delay: 5 });
}

/** Puts the caret at the start or end of the last block, with a click for focus. */
async function caretInLastBlock(person: Person, where: 'start' | 'end'): Promise<void> {
  await person.editor.click();
  await person.page.keyboard.press('ControlOrMeta+End');
  if (where === 'start') await person.page.keyboard.press('Home');
}

type Structural = 'enter' | 'backspace' | 'list';

// Keys still on their way to the server when someone splits the block are not left in the other
// half: they follow the caret (KeepTypedRun).
test('words typed while someone splits the block stay whole', async ({ browser }) => {
  await typeThroughRounds(browser, ['enter', 'enter', 'enter', 'enter'], 'during');
});

// Known failure, left visible (issue 9 stays open): when the block is joined or wrapped in a list
// while a person types, one or two of their keys sometimes vanish: the one restructuring deletes
// them with the old block although its editor never showed them (its Yjs doc had them, its
// ProseMirror doc not yet), and a Home pressed just as a change arrives is sometimes undone.
test('words typed while someone joins or wraps the block stay whole', async ({ browser }) => {
  await typeThroughRounds(browser, ['backspace', 'list', 'backspace', 'list'], 'during');
});

test('each person keeps typing where their caret is while others split and join blocks', async ({
  browser,
}) => {
  await typeThroughRounds(browser, ['enter', 'backspace', 'enter', 'backspace', 'enter']);
});

test('each person keeps typing where their caret is while others wrap blocks in lists', async ({
  browser,
}) => {
  await typeThroughRounds(browser, ['list', 'enter', 'list', 'backspace', 'list']);
});

async function typeThroughRounds(
  browser: Browser,
  actions: readonly Structural[],
  timing: 'between' | 'during' = 'between',
): Promise<void> {
  test.setTimeout(240_000);
  const guideId = await spec.server.createGuide('Typing in the same place');
  const alice = await openGuideAs(browser, spec.server, guideId, 'Alice Moreau');
  const bashir = await openGuideAs(browser, spec.server, guideId, 'Bashir Haddad');
  const carla = await openGuideAs(browser, spec.server, guideId, 'Carla Núñez');
  const everyone = [alice, bashir, carla];
  spec.people.push(...everyone);

  const problems: string[] = [];
  for (const [round, action] of actions.entries()) {
    // Carla opens the round's block at the end of the guide and stays in it.
    await caretInLastBlock(carla, 'end');
    if (round > 0) await carla.page.keyboard.press('Enter');
    await typeRun(carla, `c${round}x `);
    // Her caret waits at the start of her block, the neighbour of the one the others change.
    await carla.page.keyboard.press('Home');
    await settle(everyone);
    // Bashir makes the block Alice will type in; for a join it is a second one below it.
    await caretInLastBlock(bashir, 'end');
    await bashir.page.keyboard.press('Enter');
    await typeRun(bashir, `b${round}x `);
    await settle(everyone);

    // Alice at the end of the block, Bashir at its start: both type at once.
    await caretInLastBlock(alice, 'end');
    await caretInLastBlock(bashir, 'start');
    await Promise.all([typeRun(alice, `a${round}x a${round}y `), typeRun(bashir, `B${round} `)]);
    await settle(everyone);

    // Bashir changes the block's structure around Alice's caret.
    // For a join, Bashir goes to the block's start first. While the others type, that move is
    // made before they start: a Home pressed in the same instant as a remote change can still be
    // lost now and then (see ARCHITECTURE), and this test is about their keys, not his.
    if (action === 'backspace') {
      await bashir.page.keyboard.press('Home');
      if (timing === 'during') await settle(everyone);
    }
    const restructure = async () => {
      if (action === 'enter') await bashir.page.keyboard.press('Enter');
      if (action === 'backspace') await bashir.page.keyboard.press('Backspace');
      if (action === 'list') await bashir.page.keyboard.press('ControlOrMeta+Shift+8');
    };
    if (timing === 'between') {
      await restructure();
      await settle(everyone);
      // Everyone goes on typing where they are, at the same time.
      await Promise.all([
        typeRun(alice, `a${round}z a${round}w`),
        typeRun(bashir, `Q${round} `),
        typeRun(carla, `c${round}y `),
      ]);
    } else {
      // Alice and Carla are typing while Bashir restructures: some of their keys are on the
      // way to the server when his change reaches them.
      await Promise.all([
        typeRun(alice, `a${round}z a${round}w`),
        typeRun(carla, `c${round}y `),
        (async () => {
          await bashir.page.waitForTimeout(40);
          await restructure();
          await typeRun(bashir, `Q${round} `);
        })(),
      ]);
    }
    await settle(everyone);

    const text = await blocks(alice);
    const expectWhole = (run: string, who: string) => {
      if (!text.some((block) => block.includes(run))) {
        problems.push(
          `round ${round} (${action}): ${who}'s "${run}" is split: ${JSON.stringify(text)}`,
        );
      }
      // Nothing typed twice either (a key put back where it already was).
      for (const word of run.split(' ')) {
        if (text.join('\n').split(word).length !== 2) {
          problems.push(`round ${round} (${action}): ${who}'s "${word}" is not there exactly once`);
        }
      }
    };
    expectWhole(`a${round}x a${round}y a${round}z a${round}w`, 'Alice');
    expectWhole(`c${round}y c${round}x`, 'Carla');
    // Bashir's own caret follows his own action: Enter takes it to the start of the new block,
    // the join keeps it before his words, the list toggle after them.
    const bashirsRun = {
      enter: `Q${round} b${round}x`,
      backspace: `Q${round} B${round} b${round}x`,
      list: `B${round} Q${round} b${round}x`,
    };
    expectWhole(bashirsRun[action], 'Bashir');
    // Clean up the round's list so the next round starts from a paragraph.
    if (action === 'list') {
      await caretInLastBlock(bashir, 'end');
      await bashir.page.keyboard.press('ControlOrMeta+Shift+8');
      await settle(everyone);
    }
  }
  for (const person of everyone) await expectConnected(person);
  expect(problems).toEqual([]);
}
