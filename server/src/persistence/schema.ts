import type { Generated } from 'kysely';

/**
 * The tables as Kysely sees them. Types are the portable subset both SQLite and PostgreSQL
 * store the same way: text (ids, ISO timestamps, JSON arrays), integers, and 0/1 for booleans.
 */
export interface DatabaseSchema {
  document_updates: {
    seq: Generated<number>;
    document_id: string;
    data: Uint8Array;
  };
  document_states: {
    document_id: string;
    state: Uint8Array;
    compacted_seq: number;
    updated_at: string;
  };
  /** Updates set aside because they failed to apply on load (see DocumentStore.quarantine). */
  document_quarantine: {
    seq: number;
    document_id: string;
    data: Uint8Array;
    reason: string;
    quarantined_at: string;
  };
  /** Who wrote in each guide, per minute (see migration 0006). */
  document_contributions: {
    document_id: string;
    /** A person's id, or `:server` (serverAuthorId) for the server's own changes. */
    author_id: string;
    minute: string;
    updates: number;
    bytes: number;
    first_seq: number;
    last_seq: number;
    first_at: string;
    last_at: string;
  };
  /** The Yjs client ids each author's updates carried. */
  document_contributor_clients: {
    document_id: string;
    client_id: number;
    author_id: string;
    first_at: string;
  };
  /** A row while a guide is locked (see migration 0007). */
  guide_locks: {
    guide_id: string;
    locked_at: string;
    locked_by: string | null;
    reason: string;
  };
  /** Where each guide stands in the organisers' review (migration 0012); no row: drafting. */
  guide_reviews: {
    guide_id: string;
    status: string;
    changed_at: string;
    changed_by: string;
  };
  /** Every move of a guide's review (migration 0012). */
  guide_review_moves: {
    id: string;
    guide_id: string;
    from_status: string;
    to_status: string;
    moved_by: string;
    moved_at: string;
    note: string;
    version_id: string | null;
  };
  /** Comment threads on guides, anchored by relative positions (migration 0013). */
  comment_threads: {
    id: string;
    guide_id: string;
    anchor_start: string;
    anchor_end: string;
    quote: string;
    created_by: string;
    created_at: string;
    resolved_by: string | null;
    resolved_at: string | null;
  };
  /** The comments of each thread (migration 0013); `mentions` is a JSON array of person ids. */
  comments: {
    id: string;
    thread_id: string;
    author_id: string;
    body: string;
    mentions: string;
    created_at: string;
    deleted_at: string | null;
  };
  /** Questions of a session and their settings, up-votes (migration 0015). */
  session_question_settings: { session_id: string; moderated: number; updated_at: string };
  session_questions: {
    id: string;
    session_id: string;
    asked_by: string;
    text: string;
    anonymous: number;
    status: string;
    pinned_at: string | null;
    created_at: string;
    updated_at: string;
  };
  session_question_votes: { question_id: string; person_id: string; voted_at: string };
  /** Polls of a session and their ballots (migration 0015); JSON arrays in text. */
  session_polls: {
    id: string;
    session_id: string;
    kind: string;
    question: string;
    options: string;
    status: string;
    revealed: number;
    created_by: string;
    created_at: string;
    opened_at: string | null;
    closed_at: string | null;
  };
  session_poll_ballots: {
    poll_id: string;
    person_id: string;
    choices: string;
    words: string;
    cast_at: string;
  };
  /** Dot votes on a guide's sections or items, and each person's dots (migration 0015). */
  guide_dot_votes: {
    id: string;
    guide_id: string;
    title: string;
    items: string;
    dots: number;
    status: string;
    created_by: string;
    created_at: string;
    closed_at: string | null;
    version_id: string | null;
  };
  guide_dot_allocations: { vote_id: string; person_id: string; dots: string; updated_at: string };
  /** Registration of delegations (migration 0016). */
  registration_settings: {
    event_id: string;
    open: number;
    deadline: string | null;
    public_token: string | null;
    updated_at: string;
  };
  delegations: {
    id: string;
    event_id: string;
    parliament: string;
    country: string;
    focal_name: string;
    focal_email: string;
    token_hash: string;
    source: string;
    reopened_until: string | null;
    submitted_at: string | null;
    created_at: string;
    updated_at: string;
  };
  delegates: {
    id: string;
    delegation_id: string;
    event_id: string;
    position: number;
    name: string;
    function: string;
    email: string;
    /** Lower-case email, unique per event. */
    email_key: string;
    /** JSON arrays of language codes and audience tags. */
    working_languages: string;
    audiences: string;
    preferred_language: string;
    status: string;
    decided_at: string | null;
    decided_by: string | null;
    person_id: string | null;
    created_at: string;
    updated_at: string;
  };
  /** Messages waiting for, or accepted by, the SMTP server (migration 0016). */
  mail_outbox: {
    id: string;
    event_id: string;
    kind: string;
    recipient: string;
    language: string;
    person_id: string | null;
    delegate_id: string | null;
    status: string;
    attempts: number;
    next_attempt_at: string;
    claimed_until: string | null;
    last_error: string | null;
    created_at: string;
    sent_at: string | null;
  };
  session_attendance: { session_id: string; person_id: string; created_at: string };
  /** Phase and timer of a session (migration 0010). */
  session_live: {
    session_id: string;
    phase: string | null;
    timer_state: string | null;
    timer_ends_at: string | null;
    timer_remaining_ms: number | null;
    timer_duration_ms: number | null;
    freeze_at: string | null;
    frozen_at: string | null;
    updated_at: string;
  };
  session_announcements: {
    id: string;
    session_id: string;
    group_id: string | null;
    text: string;
    from_name: string;
    created_by: string;
    created_at: string;
  };
  guides: {
    id: string;
    title: string;
    created_at: string;
    /** The event whose organisers keep the guide once its group is removed (null: not yet known). */
    event_id: string | null;
    /** When a template was claimed for this guide (migration 0008); null: not yet settled. */
    template_applied_at: string | null;
  };
  events: {
    id: string;
    name: string;
    starts_on: string;
    ends_on: string;
    time_zone: string;
    /** JSON array of language codes. */
    languages: string;
    created_at: string;
    /** Where people write when a link fails (migration 0004); null: none given. */
    contact_email: string | null;
  };
  sessions: {
    id: string;
    event_id: string;
    title: string;
    description: string;
    kind: string;
    /** JSON array of audience tags. */
    audience: string;
    starts_at: string;
    ends_at: string;
    languages: string;
    self_select: number;
    created_at: string;
    /** The template its groups' guides start from (migration 0008); null: a blank guide. */
    template_id: string | null;
  };
  groups: {
    id: string;
    session_id: string;
    name: string;
    working_language: string;
    capacity: number;
    guide_id: string;
    created_at: string;
  };
  people: {
    id: string;
    event_id: string;
    display_name: string;
    parliament: string;
    country: string;
    preferred_language: string;
    email: string | null;
    role: string;
    scope_type: string;
    scope_id: string;
    created_at: string;
    /** JSON array of the audience tags this person follows (migration 0016). */
    audiences: Generated<string>;
    /** 1: parliament and country vouched for by the organisers or registration (0018). */
    parliament_confirmed: Generated<number>;
  };
  group_members: {
    group_id: string;
    person_id: string;
    added_at: string;
  };
  invites: {
    id: string;
    event_id: string;
    /** SHA-256 of the token, hex; the token itself is never stored. */
    token_hash: string;
    role: string;
    scope_type: string;
    scope_id: string;
    label: string;
    /** A personal link signs in as this person. */
    person_id: string | null;
    expires_at: string;
    max_uses: number;
    uses: number;
    revoked_at: string | null;
    created_at: string;
  };
  /** Organisers' guide templates (migration 0008). */
  templates: {
    id: string;
    event_id: string;
    name: string;
    language: string;
    /** ProseMirror JSON. */
    content: string;
    created_at: string;
    updated_at: string;
  };
  auth_sessions: {
    id: string;
    token_hash: string;
    person_id: string;
    created_at: string;
    expires_at: string;
    revoked_at: string | null;
  };
  device_links: {
    id: string;
    person_id: string;
    auth_session_id: string;
    token_hash: string;
    code_hash: string;
    created_at: string;
    expires_at: string;
    used_at: string | null;
  };
  /** Saved versions of a guide (migration 0009): its whole state and its ProseMirror JSON. */
  guide_versions: {
    id: string;
    guide_id: string;
    label: string;
    kind: string;
    taken_by: string | null;
    taken_at: string;
    /** Taken just before this version (an id of the same guide) was restored; else null. */
    before_restore_of: string | null;
    state: Uint8Array;
    /** ProseMirror JSON of the guide at that moment. */
    content: string;
  };
  /** Which guides the search index holds (migration 0011); stale: 1 while edits wait for it. */
  search_guides: {
    guide_id: string;
    indexed_at: string;
    stale: number;
  };
  /** One row per text block of an indexed guide; its id is the FTS5 row's rowid. */
  search_blocks: {
    id: number;
    guide_id: string;
    block: number;
    dir: string | null;
    text: string;
  };
  /** SQLite FTS5, contentless: `terms` is the folded text (write-only; read through MATCH). */
  search_fts: {
    rowid: number;
    terms: string;
    /** FTS5's hidden ranking column (bm25): read only. */
    rank: Generated<number>;
  };
  /** The good-practice library (migration 0017). JSON arrays and ProseMirror JSON as text. */
  practices: {
    id: string;
    event_id: string;
    status: string;
    revision: number;
    title: string;
    parliament: string;
    parliament_key: string;
    country: string;
    audiences: string;
    topics: string;
    languages: string;
    links: string;
    summary: string;
    what_was_done: string;
    results: string;
    lessons: string;
    contact_name: string | null;
    contact_email: string | null;
    public: Generated<number>;
    merged_into: string | null;
    review_note: string | null;
    submitted_by: string | null;
    created_at: string;
    updated_at: string;
  };
  /** Every revision of a practice, whole (migration 0017). */
  practice_versions: {
    practice_id: string;
    revision: number;
    kind: string;
    content: string;
    by_person: string | null;
    note: string | null;
    created_at: string;
  };
  library_settings: {
    event_id: string;
    published: number;
    published_at: string | null;
    updated_at: string;
  };
  /** Which practices a guide cites, from its text (migration 0017). */
  guide_citations: { guide_id: string; practice_id: string; position: number };
  session_practices: {
    session_id: string;
    practice_id: string;
    position: number;
    presenter: string | null;
  };
  session_current_practice: {
    session_id: string;
    practice_id: string | null;
    changed_at: string;
  };
}
