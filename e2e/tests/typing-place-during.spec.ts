import { test } from '@playwright/test';
import { serverForSpec } from '../fixtures/guideSpec.ts';
import { typeThroughRounds } from '../fixtures/typingRounds.ts';

// Issue 9: keys a person is typing at the very moment someone else splits, joins or wraps their
// block (the rounds: fixtures/typingRounds.ts; between runs of typing: typing-place.spec.ts).

const spec = serverForSpec();

// Keys still on their way to the server when someone splits the block are not left in the other
// half: they follow the caret (KeepTypedRun).
test('words typed while someone splits the block stay whole', async ({ browser }) => {
  await typeThroughRounds(spec, browser, ['enter', 'enter', 'enter'], 'during');
});

// When the block is joined or wrapped in a list while a person types, the one restructuring must
// not delete keys their editor has not shown yet (their Yjs doc had them, their ProseMirror doc
// not yet).
test('words typed while someone joins or wraps the block stay whole', async ({ browser }) => {
  await typeThroughRounds(spec, browser, ['backspace', 'list', 'backspace'], 'during');
});
