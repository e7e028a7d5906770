import { getSchema, type JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { guideFragmentName, type TemplateContent } from '@draftroom/shared';
import { guideExtensions, isSafeLinkHref } from '@draftroom/shared/editor';
import { DomainError } from '../../lib/domainError.ts';

const guideSchema = getSchema(guideExtensions());

/**
 * A template's content as the server will store it: parsed node by node with the guide's own
 * editor schema (unknown nodes or marks, content a node may not hold, attributes outside their
 * `validate`, empty text), with no script links, and written back from the parsed document, so
 * keys the schema does not know are dropped. Anything else is refused with `validation_failed`.
 */
export function checkedTemplateContent(content: TemplateContent): TemplateContent {
  return checkedRichText(content, {
    path: 'content',
    misfit: 'This template does not fit a guide: save it again from the template editor.',
    unsafeLink: 'A link in this template is not allowed.',
  });
}

/**
 * Rich text written with the guide's editor (a template, a practice's section), checked as
 * `checkedTemplateContent` says; `refusedNodes` names nodes of the guide's schema this text may
 * not hold (a practice does not cite practices).
 */
export function checkedRichText(
  content: TemplateContent,
  words: { path: string; misfit: string; unsafeLink: string; refusedNodes?: readonly string[] },
): TemplateContent {
  let node;
  try {
    node = guideSchema.nodeFromJSON(content);
    node.check();
  } catch (error) {
    throw new DomainError('validation_failed', words.misfit, [
      { path: words.path, message: error instanceof Error ? error.message : String(error) },
    ]);
  }
  let unsafeLink = false;
  let refused: string | null = null;
  node.descendants((child) => {
    if (words.refusedNodes?.includes(child.type.name)) refused = child.type.name;
    for (const mark of child.marks) {
      const href: unknown = mark.attrs.href;
      if (mark.type.name === 'link' && (typeof href !== 'string' || !isSafeLinkHref(href))) {
        unsafeLink = true;
      }
    }
  });
  if (refused !== null) {
    throw new DomainError('validation_failed', words.misfit, [
      { path: words.path, message: `This text cannot hold a ${String(refused)}.` },
    ]);
  }
  if (unsafeLink) {
    throw new DomainError('validation_failed', words.unsafeLink, [
      { path: words.path, message: 'Links may not run scripts (javascript:, data: …).' },
    ]);
  }
  return node.toJSON() as TemplateContent;
}

/**
 * Writes a template into a guide's body if the body holds nothing yet; false (nothing written)
 * otherwise. The check is not only politeness: `prosemirrorJSONToYXmlFragment` makes the body
 * *equal* to the template (it diffs), so on a guide with text it would delete that text.
 */
export function writeTemplate(doc: Y.Doc, content: TemplateContent): boolean {
  const body = doc.getXmlFragment(guideFragmentName);
  if (body.length > 0) return false;
  prosemirrorJSONToYXmlFragment(guideSchema, content as JSONContent, body);
  return true;
}
