import { getSchema } from '@tiptap/core';
import type { ContentMatch, NodeType, Schema } from '@tiptap/pm/model';
import { guideExtensions } from '@draftroom/shared/editor';

/**
 * What a guide's Yjs structure may contain, read off the shared Tiptap schema so that the server
 * and every editor agree by construction. y-prosemirror (y-tiptap) writes a ProseMirror node as a
 * Y.XmlElement named after the node type, its attributes as the element's attributes, a run of
 * text as a Y.XmlText whose formatting keys are mark names, and the document as the root
 * Y.XmlFragment. Only membership is checked ("may a paragraph hold a table at all"), never order:
 * concurrent edits can legitimately leave children in an order the schema would not produce, and
 * the editor repairs that itself; a child type the parent can never hold cannot arise that way.
 */
export interface GuideRules {
  /** Children the root fragment may hold (the document node's content). */
  readonly rootChildren: ReadonlySet<string>;
  readonly nodes: ReadonlyMap<string, NodeRule>;
  /** Mark name → the attribute names it may carry. */
  readonly marks: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface NodeRule {
  /** Element children this node may hold. */
  readonly children: ReadonlySet<string>;
  /** Whether it holds text (then as Y.XmlText children). */
  readonly holdsText: boolean;
  readonly attributes: ReadonlySet<string>;
  /**
   * The schema's own check of an attribute's value (`validate` in its spec, e.g. a block's
   * direction is ltr, rtl or null): it throws on a value the editor could never make.
   */
  readonly attributeChecks: ReadonlyMap<string, (value: unknown) => void>;
}

let cached: GuideRules | null = null;

export function guideRules(): GuideRules {
  cached ??= rulesFromSchema(getSchema(guideExtensions()));
  return cached;
}

export function rulesFromSchema(schema: Schema): GuideRules {
  const nodes = new Map<string, NodeRule>();
  for (const type of Object.values(schema.nodes)) {
    if (type === schema.topNodeType || type.isText) continue;
    const reachable = reachableTypes(type.contentMatch);
    nodes.set(type.name, {
      children: new Set([...reachable].filter((child) => !child.isText).map((t) => t.name)),
      holdsText: [...reachable].some((child) => child.isText),
      attributes: new Set(Object.keys(type.spec.attrs ?? {})),
      attributeChecks: attributeChecksOf(type),
    });
  }
  const marks = new Map<string, ReadonlySet<string>>();
  for (const mark of Object.values(schema.marks)) {
    marks.set(mark.name, new Set(Object.keys(mark.spec.attrs ?? {})));
  }
  const rootChildren = new Set(
    [...reachableTypes(schema.topNodeType.contentMatch)].map((type) => type.name),
  );
  return { rootChildren, nodes, marks };
}

function attributeChecksOf(type: NodeType): Map<string, (value: unknown) => void> {
  const checks = new Map<string, (value: unknown) => void>();
  for (const [name, spec] of Object.entries(type.spec.attrs ?? {})) {
    const validate: unknown = spec.validate;
    if (typeof validate === 'function') checks.set(name, validate as (value: unknown) => void);
    else if (typeof validate === 'string') {
      // ProseMirror's shorthand, "string|null": the value's type must be one of those named.
      const allowed = new Set(validate.split('|'));
      checks.set(name, (value) => {
        if (!allowed.has(value === null ? 'null' : typeof value)) throw new RangeError(validate);
      });
    }
  }
  return checks;
}

/** Every node type that can appear anywhere in a content expression. */
function reachableTypes(start: ContentMatch): Set<NodeType> {
  const types = new Set<NodeType>();
  const seen = new Set<ContentMatch>();
  const visit = (match: ContentMatch) => {
    if (seen.has(match)) return;
    seen.add(match);
    for (let index = 0; index < match.edgeCount; index++) {
      const edge = match.edge(index);
      types.add(edge.type);
      visit(edge.next);
    }
  };
  visit(start);
  return types;
}

/**
 * y-tiptap stores a mark that may overlap itself under `name--<8-character hash>`, so that two
 * such marks with different attributes can cover the same text. Returns the mark name.
 */
export function markNameOfKey(key: string): string {
  const hashed = /^(.+)--[a-zA-Z0-9+/=]{8}$/.exec(key);
  return hashed?.[1] ?? key;
}
