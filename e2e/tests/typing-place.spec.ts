import { test } from '@playwright/test';
import { serverForSpec } from '../fixtures/guideSpec.ts';
import { typeThroughRounds } from '../fixtures/typingRounds.ts';

// Issue 9: each person's caret stays in their own text while someone else splits, joins or wraps
// the block next to it between their runs of typing (the rounds: fixtures/typingRounds.ts; the
// same while they type: typing-place-during.spec.ts).

const spec = serverForSpec();

test('each person keeps typing where their caret is while others split and join blocks', async ({
  browser,
}) => {
  await typeThroughRounds(spec, browser, ['enter', 'backspace', 'enter', 'backspace', 'enter']);
});

test('each person keeps typing where their caret is while others wrap blocks in lists', async ({
  browser,
}) => {
  await typeThroughRounds(spec, browser, ['list', 'enter', 'list', 'backspace', 'list']);
});
