import { test } from '@playwright/test';
import { serverForSpec } from '../fixtures/guideSpec.ts';
import { typeThroughRounds } from '../fixtures/typingRounds.ts';

// Issue 9: each person's caret stays in their own text while someone else splits, joins or wraps
// the block next to it between their runs of typing (the rounds: fixtures/typingRounds.ts; the
// same while they type: typing-place-during.spec.ts).

const spec = serverForSpec();

// Every structural action once, and a split again after a wrap (the list's item is a new kind of
// block to split). Two tests of five rounds each until CI time was cut: a round is ~10 s of both
// cores, and the 'during' rounds (typing-place-during.spec.ts) are the ones that race.
test('each person keeps typing where their caret is while others split, join and wrap blocks', async ({
  browser,
}) => {
  await typeThroughRounds(spec, browser, ['enter', 'backspace', 'list', 'enter']);
});
