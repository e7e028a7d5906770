import { guideSeedClientId } from '../../testing/index.ts';
import {
  encodeUpdate,
  type ContentSpec,
  type StructId,
  type StructSpec,
  type UpdateSpec,
} from './updateEncoder.ts';

/**
 * Structure-aware hostile updates: built struct by struct (updateEncoder.ts), so they decode
 * and reach the validator, which random bytes rarely do. Each starts like an honest client's
 * (a new paragraph with text) and then breaks one rule, so the validator must look at everything.
 */
export type CraftedKind =
  /** Fits a guide: must be accepted (and reach every honest client). */
  | 'crafted_valid'
  /** Reuses the ids of an earlier valid update with other content: Yjs keeps the first. */
  | 'crafted_duplicate_ids'
  /** Refers to edits nobody sent: waits unstored, never reaches anyone. */
  | 'crafted_dangling'
  | 'crafted_zero_length'
  | 'crafted_other_root'
  | 'crafted_schema'
  | 'crafted_content_kind'
  | 'crafted_absurd'
  | 'crafted_bad_reference';

/** Kinds the server must refuse, closing the sender with 4422. */
export const refusedCraftedKinds: ReadonlySet<CraftedKind> = new Set([
  'crafted_zero_length',
  'crafted_other_root',
  'crafted_schema',
  'crafted_content_kind',
  'crafted_absurd',
  'crafted_bad_reference',
]);

export const craftedKinds: readonly CraftedKind[] = [
  'crafted_valid',
  'crafted_duplicate_ids',
  'crafted_dangling',
  ...refusedCraftedKinds,
];

/** The two updates an attack found, as the issue gives them (hex). */
export const knownKillers = {
  zeroLengthDeletedOnJunkRoot: Uint8Array.from(Buffer.from('01019a05000101046a756e6b0000', 'hex')),
  zeroLengthGc: Uint8Array.from(Buffer.from('01019a0500000000', 'hex')),
};

const seedParagraph: StructId = { client: guideSeedClientId, clock: 0 };

export class CraftedUpdates {
  private readonly sentValid: UpdateSpec[] = [];

  constructor(private readonly random: () => number) {}

  private int(max: number): number {
    return Math.floor(this.random() * max);
  }

  private pick<T>(options: readonly T[]): T {
    return options[this.int(options.length)] as T;
  }

  private word(): string {
    const letters = 'abcdefghijklmnopqrstuvwxyzéàüßمرحبا ';
    return Array.from({ length: 1 + this.int(12) }, () => letters[this.int(letters.length)]).join(
      '',
    );
  }

  private newClient(): number {
    return 1_000_000 + this.int(1_000_000_000);
  }

  /** A paragraph at the guide's root (beside the shared one, or at the start) with some text. */
  private paragraph(client: number): StructSpec[] {
    const at =
      this.random() < 0.5
        ? { parent: { root: 'default' } }
        : this.random() < 0.5
          ? { origin: seedParagraph }
          : { rightOrigin: seedParagraph };
    const text = this.word();
    const structs: StructSpec[] = [
      {
        kind: 'item',
        ...at,
        content: { kind: 'element', name: this.pick(['paragraph', 'heading']) },
      },
      { kind: 'item', parent: { id: { client, clock: 0 } }, content: { kind: 'xmlText' } },
      { kind: 'item', parent: { id: { client, clock: 1 } }, content: { kind: 'string', text } },
    ];
    if (this.random() < 0.4) {
      structs.push({
        kind: 'item',
        origin: { client, clock: 1 + text.length },
        content: { kind: 'format', key: this.pick(['bold', 'italic', 'link']), value: null },
      });
    }
    // Sometimes a citation of a good practice (issue 17) after it, as y-tiptap writes one: a
    // block atom beside the paragraph with its id (or none yet) as the one attribute.
    if (this.random() < 0.25) structs.push(...this.citation(client, structs, this.practiceId()));
    return structs;
  }

  /** An id of the shared form (null: a citation not pointing anywhere yet, also valid). */
  private practiceId(): string | null {
    return this.random() < 0.1 ? null : `prac-${this.int(1_000_000)}`;
  }

  /** A citation block after the client's paragraph, with `practiceId` set to `value`. */
  private citation(client: number, before: StructSpec[], value: unknown): StructSpec[] {
    const clock = before.reduce((sum, struct) => sum + structLength(struct), 0);
    return [
      {
        kind: 'item',
        origin: { client, clock: 0 },
        content: { kind: 'element', name: 'practiceCitation' },
      },
      {
        kind: 'item',
        parent: { id: { client, clock } },
        parentSub: 'practiceId',
        content: { kind: 'any', values: [value] },
      },
    ];
  }

  /** A valid paragraph, then a citation that breaks the schema in one way. */
  private badCitation(client: number, valid: StructSpec[]): UpdateSpec {
    const clock = valid.reduce((sum, struct) => sum + structLength(struct), 0);
    const inCitation = { parent: { id: { client, clock } } };
    const [element] = this.citation(client, valid, null);
    const bad = this.pick<StructSpec[]>([
      // A malformed or non-string id.
      this.citation(
        client,
        valid,
        this.pick<unknown>(['bad id!', 42, '', { id: 'x' }, 'x'.repeat(65)]),
      ),
      // An attribute the node does not have.
      [
        element!,
        { kind: 'item', ...inCitation, parentSub: 'href', content: { kind: 'any', values: ['x'] } },
      ],
      // Text inside the atom.
      [element!, { kind: 'item', ...inCitation, content: { kind: 'xmlText' } }],
      // A citation inside the paragraph (not a block place).
      [
        {
          kind: 'item',
          parent: { id: { client, clock: 0 } },
          content: { kind: 'element', name: 'practiceCitation' },
        },
      ],
    ]);
    return { clients: [{ client, clock: 0, structs: [...valid, ...bad] }] };
  }

  make(kind: CraftedKind): Uint8Array {
    return encodeUpdate(this.spec(kind));
  }

  private spec(kind: CraftedKind): UpdateSpec {
    const client = this.newClient();
    const valid = this.paragraph(client);
    const next = valid.reduce((clock, struct) => clock + structLength(struct), 0);
    const withBad = (bad: StructSpec): UpdateSpec => ({
      clients: [{ client, clock: 0, structs: [...valid, bad] }],
    });
    const inOwnText = { parent: { id: { client, clock: 1 } } };
    const inOwnParagraph = { parent: { id: { client, clock: 0 } } };
    switch (kind) {
      case 'crafted_valid': {
        const spec: UpdateSpec = { clients: [{ client, clock: 0, structs: valid }] };
        if (this.random() < 0.3) spec.deletes = [{ client, ranges: [[2, 1]] }];
        this.sentValid.push(spec);
        return spec;
      }
      case 'crafted_duplicate_ids': {
        const earlier = this.sentValid.at(-1 - this.int(Math.min(5, this.sentValid.length)));
        if (!earlier) return this.spec('crafted_valid');
        const [first] = earlier.clients;
        return {
          clients: [{ client: first!.client, clock: 0, structs: this.paragraph(first!.client) }],
        };
      }
      case 'crafted_dangling':
        return this.pick<UpdateSpec>([
          withBad({
            kind: 'item',
            origin: { client: this.newClient(), clock: this.int(50) },
            content: { kind: 'string', text: 'x' },
          }),
          withBad({
            kind: 'item',
            parent: { id: { client: this.newClient(), clock: 0 } },
            content: { kind: 'xmlText' },
          }),
          { clients: [{ client, clock: 5 + this.int(1000), structs: valid }] },
          {
            clients: [{ client, clock: 0, structs: valid }],
            deletes: [{ client: this.newClient(), ranges: [[0, 1 + this.int(9)]] }],
          },
        ]);
      case 'crafted_zero_length':
        return this.pick<UpdateSpec>([
          withBad({ kind: 'item', ...inOwnText, content: { kind: 'string', text: '' } }),
          withBad({ kind: 'item', ...inOwnText, content: { kind: 'deleted', length: 0 } }),
          withBad({ kind: 'gc', length: 0 }),
          withBad({ kind: 'skip', length: 0 }),
          withBad({
            kind: 'item',
            ...inOwnParagraph,
            parentSub: 'level',
            content: { kind: 'any', values: [] },
          }),
          {
            clients: [{ client, clock: 0, structs: valid }],
            deletes: [{ client, ranges: [[0, 0]] }],
          },
        ]);
      case 'crafted_other_root':
        return withBad({
          kind: 'item',
          parent: { root: this.pick(['t', 'junk', 'm', '', 'default2']) },
          content: this.pick<ContentSpec>([
            { kind: 'string', text: 'x' },
            { kind: 'deleted', length: 1 },
            { kind: 'any', values: [1] },
          ]),
        });
      case 'crafted_schema':
        if (this.random() < 0.2) return this.badCitation(client, valid);
        return withBad(
          this.pick<StructSpec>([
            {
              kind: 'item',
              parent: { root: 'default' },
              content: {
                kind: 'element',
                name: this.pick([
                  'script',
                  'iframe',
                  'doc',
                  'text',
                  'listItem',
                  'tableCell',
                  'x'.repeat(this.int(40)),
                ]),
              },
            },
            { kind: 'item', parent: { root: 'default' }, content: { kind: 'xmlText' } },
            { kind: 'item', ...inOwnParagraph, content: { kind: 'element', name: 'table' } },
            { kind: 'item', ...inOwnParagraph, content: { kind: 'string', text: 'loose text' } },
            {
              kind: 'item',
              ...inOwnParagraph,
              parentSub: this.pick(['onclick', 'style', 'ychange']),
              content: { kind: 'any', values: ['x'] },
            },
            {
              kind: 'item',
              ...inOwnText,
              content: {
                kind: 'format',
                key: this.pick(['ychange', 'script', 'comment']),
                value: {},
              },
            },
            {
              kind: 'item',
              ...inOwnText,
              content: {
                kind: 'format',
                key: 'link',
                value: {
                  href: this.pick([
                    'javascript:alert(1)',
                    ' JaVaScRiPt:x',
                    'data:text/html,<b>',
                    'java\tscript:x',
                  ]),
                },
              },
            },
            {
              kind: 'item',
              ...inOwnText,
              parentSub: 'bold',
              content: { kind: 'any', values: [true] },
            },
            { kind: 'item', ...inOwnText, content: { kind: 'any', values: ['x'] } },
          ]),
        );
      case 'crafted_content_kind':
        return withBad({
          kind: 'item',
          ...inOwnText,
          content: this.pick<ContentSpec>([
            { kind: 'json', values: ['{"a":1}'] },
            { kind: 'binary', bytes: Uint8Array.of(1, 2, 3) },
            { kind: 'embed', value: { image: 'https://example.org/x.png' } },
            { kind: 'doc', guid: `sub-${this.int(100)}` },
            { kind: 'type', ref: this.pick([0, 1, 2, 4, 5] as const) },
          ]),
        });
      case 'crafted_absurd':
        return this.pick<UpdateSpec>([
          { clients: [{ client, clock: 2 ** 33 + this.int(1000), structs: valid }] },
          withBad({ kind: 'gc', length: 2 ** 36 }),
          withBad({ kind: 'item', ...inOwnText, content: { kind: 'deleted', length: 2 ** 34 } }),
          { clients: [{ client: 2 ** 33, clock: 0, structs: [{ kind: 'gc', length: 1 }] }] },
          {
            clients: [{ client, clock: 0, structs: valid }],
            deletes: [{ client, ranges: [[0, 2 ** 40]] }],
          },
        ]);
      case 'crafted_bad_reference': {
        const other = this.newClient();
        return this.pick<UpdateSpec>([
          withBad({
            kind: 'item',
            origin: { client, clock: next + 3 },
            content: { kind: 'string', text: 'x' },
          }),
          withBad({
            kind: 'item',
            parent: { id: { client, clock: next } },
            content: { kind: 'xmlText' },
          }),
          {
            clients: [
              {
                client,
                clock: 0,
                structs: [
                  ...valid,
                  {
                    kind: 'item',
                    origin: { client: other, clock: 0 },
                    content: { kind: 'string', text: 'a' },
                  },
                ],
              },
              {
                client: other,
                clock: 0,
                structs: [
                  {
                    kind: 'item',
                    origin: { client, clock: next },
                    content: { kind: 'string', text: 'b' },
                  },
                ],
              },
            ],
          },
          withBad({
            kind: 'item',
            origin: { client, clock: 2 },
            rightOrigin: seedParagraph,
            content: { kind: 'string', text: 'x' },
          }),
          withBad({
            kind: 'item',
            parent: { id: { client, clock: 2 } },
            content: { kind: 'xmlText' },
          }),
          {
            clients: [
              { client, clock: 0, structs: valid },
              { client: other, clock: 0, structs: [{ kind: 'gc', length: 1 }] },
              { client, clock: next, structs: [{ kind: 'gc', length: 1 }] },
            ],
          },
        ]);
      }
    }
  }

  pickKind(): CraftedKind {
    return this.pick(craftedKinds);
  }
}

function structLength(struct: StructSpec): number {
  if (struct.kind !== 'item') return struct.length;
  const content = struct.content;
  if (content.kind === 'string') return content.text.length;
  if (content.kind === 'deleted') return content.length;
  if (content.kind === 'any' || content.kind === 'json') return content.values.length;
  return 1;
}
