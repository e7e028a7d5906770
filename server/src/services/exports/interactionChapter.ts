import type { Poll, Question, SessionInteraction } from '@draftroom/shared';
import { exportLabels, type ExportLabels, type InteractionLabels } from './labels.ts';
import type { ExportExtra, ExportLocale, ExportNode } from './model.ts';

/**
 * The compiled export's "Questions and polls" chapter (issue 15), as ProseMirror JSON of the
 * guide schema so every format renders it with the guides' own code. It is a record of what the
 * room saw, for whoever the file is passed on to: questions on the list (approved, answered) by
 * votes, never held or hidden ones and never an anonymous asker's name (not even in an
 * organiser's export: the file leaves the app); polls once closed or revealed, each with its
 * results as a table, or a line saying they were not revealed when the person compiling may not
 * see them (an observer, for a poll closed without revealing: `interactionFor` gave no results).
 */
export function interactionChapter(
  view: SessionInteraction,
  locale: ExportLocale,
): ExportExtra | null {
  const all = exportLabels(locale);
  const labels = all.interaction;
  const questions = view.questions
    .filter((question) => question.status === 'approved' || question.status === 'answered')
    .sort((a, b) => b.votes - a.votes || a.createdAt.localeCompare(b.createdAt));
  const polls = view.polls
    .filter((poll) => poll.status === 'closed' || (poll.status === 'open' && poll.revealed))
    .reverse();
  if (questions.length === 0 && polls.length === 0) return null;
  const content: ExportNode[] = [];
  if (questions.length > 0) {
    content.push(heading(1, labels.questions), questionTable(questions, all));
  }
  if (polls.length > 0) {
    content.push(heading(1, labels.polls));
    for (const poll of polls) content.push(...pollBlocks(poll, labels));
  }
  return { title: labels.title, content: { type: 'doc', content } };
}

const text = (value: string): ExportNode => ({ type: 'text', text: value });
/**
 * A question may have several lines. The editor writes a line break as a hard break, never as
 * "\n" in a text node, and the formats follow it: HTML would fold a raw one into a space, Word
 * too. Empty text nodes are not allowed by the schema, so empty lines leave none.
 */
function lines(value: string): ExportNode[] {
  return value
    .split(/\r\n|\r|\n/)
    .flatMap((line, index) => [
      ...(index > 0 ? [{ type: 'hardBreak' }] : []),
      ...(line === '' ? [] : [text(line)]),
    ]);
}
const paragraph = (value: string): ExportNode => ({
  type: 'paragraph',
  attrs: { dir: null },
  // An empty cell is an empty paragraph.
  ...(value === '' ? {} : { content: lines(value) }),
});
const heading = (level: 1 | 2, value: string): ExportNode => ({
  type: 'heading',
  attrs: { level, dir: null },
  content: [text(value)],
});
const cell = (type: 'tableHeader' | 'tableCell', value: string | number): ExportNode => ({
  type,
  attrs: { colspan: 1, rowspan: 1, colwidth: null, dir: null },
  content: [paragraph(String(value))],
});
function table(header: string[], rows: Array<Array<string | number>>): ExportNode {
  return {
    type: 'table',
    content: [
      { type: 'tableRow', content: header.map((value) => cell('tableHeader', value)) },
      ...rows.map((row) => ({
        type: 'tableRow',
        content: row.map((value) => cell('tableCell', value)),
      })),
    ],
  };
}

function questionTable(questions: Question[], labels: ExportLabels): ExportNode {
  const words = labels.interaction;
  return table(
    [words.question, words.askedBy, words.votes, labels.status],
    questions.map((question) => [
      question.text,
      // An organiser's view names anonymous askers; the file does not. A removed asker: blank.
      question.anonymous ? words.anonymous : (question.author ?? ''),
      question.votes,
      words.questionStatuses[question.status === 'answered' ? 'answered' : 'approved'],
    ]),
  );
}

function pollBlocks(poll: Poll, labels: InteractionLabels): ExportNode[] {
  const facts = [
    labels.pollKinds[poll.kind],
    labels.pollStatuses[poll.status === 'closed' ? 'closed' : 'open'],
    labels.ballots(poll.ballots),
  ].join(' · ');
  const blocks = [heading(2, poll.question), paragraph(facts)];
  const { results } = poll;
  if (!results) return [...blocks, paragraph(labels.resultsHidden)];
  if (poll.kind === 'words') {
    const words = results.words ?? [];
    if (words.length === 0) return [...blocks, paragraph(labels.noAnswers)];
    return [
      ...blocks,
      table(
        [labels.word, labels.votes],
        words.map(({ word, count }) => [word, count]),
      ),
    ];
  }
  const points = results.points;
  const header = points
    ? [labels.option, labels.votes, labels.points]
    : [labels.option, labels.votes];
  const rows = poll.options.map((option, index) => [
    option,
    results.votes[index] ?? 0,
    ...(points ? [points[index] ?? 0] : []),
  ]);
  return [...blocks, table(header, rows)];
}
