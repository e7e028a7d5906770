import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import { EditorContent, useEditor, type AnyExtension, type Editor } from '@tiptap/react';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { guideExtensions } from '@draftroom/shared/editor';
import { guideFragmentName } from '@draftroom/shared';
import type { CollabSession } from '../collab/session.ts';
import type { Identity, PermissionChangeReason } from '@draftroom/shared';
import { CaretsNeverParsed, renderCaret } from './caret.ts';
import { KeepCaretPlace } from './caretPlace/keepCaretPlace.ts';
import { KeepTypedRun } from './caretPlace/keepTypedRun.ts';
import { AutoDirection } from './autoDirection.ts';
import { CaretLabelFit } from './caretLabelFit.ts';
import { isPasteTooLarge, maxPasteBytes } from './paste/pasteLimit.ts';
import { droppedImages } from './paste/droppedContent.ts';
import { PasteNotice } from './paste/PasteNotice.tsx';
import { Toolbar } from './Toolbar.tsx';
import { ReadOnlyNote } from './ReadOnlyNote.tsx';
import { FoundBlock, useOpenAtBlock } from './openAtBlock.ts';
import { PracticeCitationCard } from '../citations/citationExtension.ts';
import { useCitePractice } from '../citations/useCitePractice.tsx';

const noExtensions: readonly AnyExtension[] = [];

function clipboardOf(data: DataTransfer | null): { text: string; html: string } {
  return { text: data?.getData('text/plain') ?? '', html: data?.getData('text/html') ?? '' };
}

/**
 * What the person can do with the text: write, only read (the server drops a reader's updates,
 * so typing is not offered), or nothing more because the server closed for lack of access.
 */
export type EditorMode = 'write' | 'read' | 'stopped';

interface GuideEditorProps {
  session: CollabSession;
  identity: Identity;
  mode: EditorMode;
  /** Why the mode changed while the guide was open (the server said so), if it did. */
  changedBecause?: Exclude<PermissionChangeReason, 'current'> | null;
  /** The guide is locked (a participant then reads it: the note says why). */
  locked?: boolean;
  /** The guide is published (read-only for all but the organisers: the note says why). */
  published?: boolean;
  /** Read-only by this page's choice (opened to view, e.g. from the dashboard), not the server's. */
  viewOnly?: boolean;
  /**
   * Open the guide at this text block (a search hit) once `contentReady`; null: at the top.
   */
  openAtBlock?: number | null;
  contentReady?: boolean;
  /**
   * Extensions a feature adds to this editor (comment highlights). Read once, when the editor is
   * made: pass a stable array.
   */
  extraExtensions?: readonly AnyExtension[];
  /** Hears the editor once it exists (and null when it goes), for features beside it. */
  onEditor?: (editor: Editor | null) => void;
}

/**
 * The guide body: the shared schema plus Collaboration (bound to the session's Y.Doc) and named
 * carets. Mount it with `key={session.doc.guid}`: the editor binds to one Y.Doc for its lifetime.
 */
export function GuideEditor({
  session,
  identity,
  mode,
  changedBecause = null,
  locked = false,
  published = false,
  viewOnly = false,
  openAtBlock = null,
  contentReady = false,
  extraExtensions = noExtensions,
  onEditor,
}: GuideEditorProps) {
  const { t, i18n } = useTranslation();
  const hintId = useId();
  const [refusedPaste, setRefusedPaste] = useState(false);
  const [droppedImageCount, setDroppedImages] = useState(0);
  const editable = mode === 'write';
  // Read by ProseMirror's attribute callback, which runs outside React's render.
  const editableRef = useRef(editable);
  const cite = useCitePractice();

  // Refuse here what the server would refuse later (a message over `limits.maxMessageBytes`):
  // once sent, an oversize change closes the connection and never reaches anyone.
  const refuseIfTooLarge = (data: DataTransfer | null): boolean => {
    const tooLarge = isPasteTooLarge(clipboardOf(data));
    setRefusedPaste(tooLarge);
    // What is kept goes in; the writer is told about what cannot be (images).
    setDroppedImages(tooLarge ? 0 : droppedImages(data));
    return tooLarge; // true = handled, ProseMirror inserts nothing
  };

  const editor = useEditor({
    editable,
    // Tiptap would add its base rules as a <style> tag, which the content security policy
    // (style-src 'self', no inline styles) refuses; they are in styles/editor.css instead.
    injectCSS: false,
    extensions: [
      // Citations show their practice's card (same node, same schema as the server's).
      ...guideExtensions({ practiceCitation: PracticeCitationCard }),
      Collaboration.configure({ document: session.doc, field: guideFragmentName }),
      CollaborationCaret.configure({
        provider: session.provider,
        user: { name: identity.name, color: identity.color },
        render: renderCaret,
      }),
      CaretsNeverParsed,
      KeepCaretPlace,
      KeepTypedRun.configure({
        doc: session.doc,
        onIncomingChange: (listener) => session.onIncomingChange(listener),
      }),
      AutoDirection,
      CaretLabelFit,
      FoundBlock,
      ...cite.extensions,
      ...extraExtensions,
    ],
    editorProps: {
      // A function, so the accessible name follows the language at each view update.
      attributes: () => ({
        id: 'guide-editor-content',
        class: 'guide-editor__content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': i18next.t('editor.label'),
        'aria-describedby': hintId,
        spellcheck: 'true',
        // A reader can still reach the text with Tab and move through it; it just cannot change.
        'aria-readonly': editableRef.current ? 'false' : 'true',
        ...(editableRef.current ? {} : { tabindex: '0' }),
      }),
      handlePaste: (_view, event) => refuseIfTooLarge(event.clipboardData),
      handleDrop: (_view, event) => refuseIfTooLarge(event.dataTransfer),
    },
  });

  useOpenAtBlock(editor, openAtBlock, contentReady);

  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  // The editable's attributes (its accessible name) are computed by ProseMirror, outside React:
  // ask it to recompute them when the language changes.
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.setOptions({});
  }, [editor, i18n.language]);

  // Access can change while the guide is open (removed from the group): follow it at once.
  useEffect(() => {
    editableRef.current = editable;
    if (editor && !editor.isDestroyed && editor.isEditable !== editable) {
      editor.setEditable(editable);
    }
  }, [editor, editable]);

  return (
    <div className="guide-editor">
      {mode === 'read' ? (
        <ReadOnlyNote
          id={hintId}
          changedBecause={changedBecause}
          locked={locked}
          published={published}
          viewOnly={viewOnly}
        />
      ) : (
        <p id={hintId} className="muted guide-editor__hint">
          {mode === 'write' ? t('editor.hint') : t('editor.stopped')}
        </p>
      )}
      {mode === 'write' && changedBecause && (
        <p className="notice" role="status" data-testid="writable-again">
          {t(`editor.writableAgain.${changedBecause}`)}
        </p>
      )}
      {refusedPaste && (
        <div className="notice notice--error" role="alert" data-testid="paste-refused">
          <p>{t('editor.pasteTooLarge', { kilobytes: Math.round(maxPasteBytes / 1024) })}</p>
          <button type="button" className="button" onClick={() => setRefusedPaste(false)}>
            {t('editor.dismiss')}
          </button>
        </div>
      )}
      {editable && (
        <PasteNotice dropped={droppedImageCount} onDismiss={() => setDroppedImages(0)} />
      )}
      {editor && editable && <Toolbar editor={editor} extraButtons={[cite.button]} />}
      {editable && cite.dialog(editor)}
      <div className="guide-editor__frame">
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}
