import * as Y from 'yjs';
import { apiPath, guideFragmentName, type DotVote } from '@draftroom/shared';
import type { DraftroomServer } from '../../src/server.ts';
import type { World } from './actors.ts';

/** A block of the guide written through the document host: a heading, a paragraph or a list. */
export type TestBlock =
  | { heading: string; level?: number }
  | { paragraph: string }
  | { bullets: string[] }
  | { table: string[][] };

function paragraphOf(text: string): Y.XmlElement {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  return paragraph;
}

function elementOf(block: TestBlock): Y.XmlElement {
  if ('heading' in block) {
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', (block.level ?? 2) as unknown as string);
    heading.insert(0, [new Y.XmlText(block.heading)]);
    return heading;
  }
  if ('paragraph' in block) return paragraphOf(block.paragraph);
  if ('bullets' in block) {
    const list = new Y.XmlElement('bulletList');
    list.insert(
      0,
      block.bullets.map((text) => {
        const item = new Y.XmlElement('listItem');
        item.insert(0, [paragraphOf(text)]);
        return item;
      }),
    );
    return list;
  }
  const table = new Y.XmlElement('table');
  table.insert(
    0,
    block.table.map((cells, rowIndex) => {
      const row = new Y.XmlElement('tableRow');
      row.insert(
        0,
        cells.map((text) => {
          const cell = new Y.XmlElement(rowIndex === 0 ? 'tableHeader' : 'tableCell');
          cell.insert(0, [paragraphOf(text)]);
          return cell;
        }),
      );
      return row;
    }),
  );
  return table;
}

/** Appends blocks to the guide (or replaces its content), through the document host (the same gate as a person's edit). */
export async function writeBlocks(
  server: DraftroomServer,
  guideId: string,
  blocks: readonly TestBlock[],
  { replace = false } = {},
): Promise<void> {
  await server.collab.documents.withDocument(guideId, (doc) => {
    const fragment = doc.getXmlFragment(guideFragmentName);
    // The group's guide may have started from its session's template: replace it whole.
    if (replace) fragment.delete(0, fragment.length);
    fragment.insert(fragment.length, blocks.map(elementOf));
  });
}

export const twoSections: TestBlock[] = [{ heading: 'Matrix first' }, { heading: 'Matrix second' }];

/** A fresh guide of session S with two sections to vote on. */
export async function votableGuide(w: World): Promise<string> {
  const guideId = await w.fresh.guide();
  await writeBlocks(w.server.server, guideId, twoSections);
  return guideId;
}

/** An open vote on the sections of a fresh guide, opened by the organiser. */
export async function freshDotVote(w: World) {
  const guideId = await votableGuide(w);
  const vote = await w.organiser.expect<DotVote>(201, 'POST', apiPath('openDotVote', { guideId }), {
    title: 'Matrix vote',
    source: 'sections',
    dots: 3,
  });
  return { params: { guideId, voteId: vote.id } };
}

let matrixVote: Promise<{ params: { guideId: string; voteId: string } }> | undefined;
/** One open vote on group A's guide, shared by every actor (each sets its own allocation). */
export const DV = (w: World) =>
  (matrixVote ??= (async () => {
    await writeBlocks(w.server.server, w.groupA.guideId, twoSections);
    const vote = await w.organiser.expect<DotVote>(
      201,
      'POST',
      apiPath('openDotVote', { guideId: w.groupA.guideId }),
      { title: 'Matrix vote', source: 'sections', dots: 3 },
    );
    return { params: { guideId: w.groupA.guideId, voteId: vote.id } };
  })());
