// Guarantee 4: every REST route and the websocket answer each kind of person with exactly the
// status the rules give. The matrix walks the shared route table: a route without a row fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiPath,
  apiRoutes,
  type ApiRouteName,
  type CommentThread,
  type DeviceLink,
  type ExportJob,
  type GuideVersion,
} from '@draftroom/shared';
import { sampleProfile } from '../testing/index.ts';
import {
  actorNames,
  byActor,
  send,
  worldServer,
  type Actor,
  type World,
} from './helpers/actors.ts';
import { addParagraph, anchorOf } from './helpers/commentAnchors.ts';
import type { TestServer } from './helpers/testServer.ts';
import { P, Q, draftPoll, pollInput } from './helpers/interactionFixtures.ts';
import { DV, freshDotVote, votableGuide } from './helpers/dotVoteFixtures.ts';
import {
  RD,
  RP,
  RT,
  freshDelegate,
  freshDelegation,
  matrixSave,
  matrixStart,
} from './helpers/registrationFixtures.ts';
import { audiencesBody, planS } from './helpers/attendanceFixtures.ts';
import { LP, freshPractice, practiceInput, publishedLibrary } from './helpers/practiceFixtures.ts';

/** One status per actor, in the order of `actorNames`. */
type Statuses = readonly [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];
interface Call {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** Send this cookie instead of the actor's own (a fresh sign-in of the same person). */
  cookie?: string;
}
interface Row {
  statuses: Statuses;
  /** The request to send for one actor; fresh targets for calls that change what they touch. */
  call?: (world: World, actor: Actor) => Call | Promise<Call>;
}
const row = (statuses: Statuses, call?: Row['call']): Row => ({ statuses, call });

const sessionInput = (title: string) => ({
  title,
  description: '',
  kind: 'co-creation',
  audience: [],
  startsAt: '2021-06-18T12:00:00Z',
  endsAt: '2021-06-18T14:00:00Z',
  languages: ['en'],
});
const groupInput = (name: string) => ({ name, workingLanguage: 'en', capacity: 50 });
const eventInput = {
  name: 'Matrix conference',
  startsOn: '2021-06-16',
  endsOn: '2021-06-18',
  timeZone: 'Europe/Zurich',
  languages: ['en', 'fr', 'es', 'ar'],
};
let groupsMade = 0;
const deviceToken = async (w: World) => {
  const link = await w.organiser.expect<DeviceLink>(201, 'POST', apiPath('addDevice'));
  return link.linkPath.slice('/device/'.length);
};
const templateInput = (name: string) => ({
  name,
  language: 'en',
  content: {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: name }] }],
  },
});
let templatesMade = 0;
/** A template of the world's event, made by its organiser (a fresh one for calls that change it). */
const T = async (w: World) => {
  const made = await w.organiser.expect<{ id: string }>(
    201,
    'POST',
    apiPath('createTemplate'),
    templateInput(`Matrix template ${++templatesMade}`),
  );
  return { params: { templateId: made.id } };
};
const S = (w: World) => ({ params: { sessionId: w.sessionS.id } });
let savedVersion: Promise<string> | undefined;
/** One version of group A's guide, saved by the organiser, for the routes that name a version. */
const matrixVersion = (w: World) =>
  (savedVersion ??= w.organiser
    .expect<GuideVersion>(201, 'POST', apiPath('saveVersion', { guideId: w.groupA.guideId }), {
      label: 'For the matrix',
    })
    .then((version) => version.id));
const A = (w: World) => ({ params: { groupId: w.groupA.id } });
/** A compiled export of session S by the organiser, finished (Markdown: quick to write). */
const organiserExport = async (w: World) => {
  const job = await w.organiser.expect<ExportJob>(
    201,
    'POST',
    apiPath('startSessionExport', { sessionId: w.sessionS.id }),
    { format: 'md' },
  );
  for (let tries = 0; tries < 200; tries++) {
    const now = await w.organiser.expect<ExportJob>(
      200,
      'GET',
      apiPath('exportJob', { exportId: job.id }),
    );
    if (now.state === 'done') return now.id;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the matrix export did not finish');
};
let matrixExport: Promise<string> | undefined;
const E = async (w: World) => ({
  params: { exportId: await (matrixExport ??= organiserExport(w)) },
});
/** Group A's guide with a sentence to comment on (written once), and an anchor into it. */
let commentable: Promise<void> | undefined;
const commentAnchor = async (w: World) => {
  await (commentable ??= addParagraph(w.server.server, w.groupA.guideId, 'Matrix comment words.'));
  return anchorOf(w.server.server, w.groupA.guideId, 'comment words');
};
/** A thread on group A's guide started by the organiser (a fresh one for calls that change it). */
const organiserThread = async (w: World) => {
  const thread = await w.organiser.expect<CommentThread>(
    201,
    'POST',
    apiPath('createCommentThread', { guideId: w.groupA.guideId }),
    { anchor: await commentAnchor(w), body: 'The organiser’s comment.' },
  );
  return {
    guideId: w.groupA.guideId,
    threadId: thread.id,
    commentId: thread.comments[0]?.id ?? '',
  };
};
let matrixThread: ReturnType<typeof organiserThread> | undefined;
const C = async (w: World) => {
  const { guideId, threadId } = await (matrixThread ??= organiserThread(w));
  return { params: { guideId, threadId } };
};

// prettier-ignore
const matrix = {
  //              anon rev  out  org  facS facT pA   pB   obs  other
  invitePreview: row([200, 200, 200, 200, 200, 200, 200, 200, 200, 200], (w) => ({ params: { token: w.joinToken } })),
  inviteContact: row([200, 200, 200, 200, 200, 200, 200, 200, 200, 200], (w) => ({ params: { token: w.joinToken } })),
  // Joining ends the browser's earlier sign-in, so live actors join from a second sign-in of theirs.
  join:          row([201, 201, 201, 201, 201, 201, 201, 201, 201, 201], async (w, actor) => ({ params: { token: w.joinToken }, body: sampleProfile(), cookie: await actor.signInAgain?.() })),
  me:            row([401, 401, 401, 200, 200, 200, 200, 200, 200, 200]),
  updateMe:      row([401, 401, 401, 200, 200, 200, 200, 200, 200, 200], () => ({ body: { preferredLanguage: 'en' } })),
  signOut:       row([401, 401, 401, 204, 204, 204, 204, 204, 204, 204], async (_w, actor) => ({ cookie: await actor.signInAgain?.() })),
  // Anyone signed in may add a device of their own; the link signs in as them, never as another.
  addDevice:     row([401, 401, 401, 201, 201, 201, 201, 201, 201, 201]),
  // Public like joining: the link (a fresh one of the organiser's) is the credential.
  deviceSignIn:  row([201, 201, 201, 201, 201, 201, 201, 201, 201, 201], async (w, actor) => ({ body: { token: await deviceToken(w) }, cookie: await actor.signInAgain?.() })),
  programme:     row([401, 401, 401, 200, 200, 200, 200, 200, 200, 200]),
  // The personal programme: everyone signed in reads and changes their own (observers plan too);
  // a session of another event is "not found". Counts: attendance.test.ts, per role.
  personalProgramme: row([401, 401, 401, 200, 200, 200, 200, 200, 200, 200]),
  setAudiences:  row([401, 401, 401, 200, 200, 200, 200, 200, 200, 200], audiencesBody),
  planAttendance: row([401, 401, 401, 200, 200, 200, 200, 200, 200, 404], planS),
  myCalendar:    row([401, 401, 401, 200, 200, 200, 200, 200, 200, 200]),
  updateEvent:   row([401, 401, 401, 200, 403, 403, 403, 403, 403, 200], () => ({ body: eventInput })),
  createSession: row([401, 401, 401, 201, 403, 403, 403, 403, 403, 201], () => ({ body: sessionInput('Matrix session') })),
  getSession:    row([401, 401, 401, 200, 200, 200, 200, 200, 200, 404], S),
  updateSession: row([401, 401, 401, 200, 403, 403, 403, 403, 403, 404], async (w) => ({ params: { sessionId: await w.fresh.session() }, body: sessionInput('Renamed') })),
  deleteSession: row([401, 401, 401, 204, 403, 403, 403, 403, 403, 404], async (w) => ({ params: { sessionId: await w.fresh.session() } })),
  createGroup:   row([401, 401, 401, 201, 201, 403, 403, 403, 403, 404], (w) => ({ ...S(w), body: groupInput(`Matrix group ${++groupsMade}`) })),
  autoAssign:    row([401, 401, 401, 200, 200, 403, 403, 403, 403, 404], S),
  getGroup:      row([401, 401, 401, 200, 200, 200, 200, 200, 200, 404], A),
  updateGroup:   row([401, 401, 401, 200, 200, 403, 403, 403, 403, 404], (w) => ({ ...A(w), body: groupInput('Group A') })),
  deleteGroup:   row([401, 401, 401, 204, 403, 403, 403, 403, 403, 404], async (w) => ({ params: { groupId: await w.fresh.emptyGroup() } })),
  assignMembers: row([401, 401, 401, 200, 200, 403, 403, 403, 403, 404], async (w) => ({ ...A(w), body: { personIds: [await w.fresh.person()] } })),
  removeMember:  row([401, 401, 401, 204, 204, 403, 403, 403, 403, 404], async (w) => ({ params: { groupId: w.groupA.id, personId: await w.fresh.person('Group A') } })),
  selfSelect:    row([401, 401, 401, 403, 403, 403, 403, 409, 403, 404], A),
  listGuides:    row([401, 401, 401, 200, 200, 200, 200, 200, 200, 200]),
  // Someone of the event may learn that another group's guide exists (403, "ask its facilitator");
  // another event's person may not (404, exactly as for an unknown guide).
  getGuide:      row([401, 401, 401, 200, 200, 403, 200, 403, 200, 404], (w) => ({ params: { guideId: w.groupA.guideId } })),
  // Locking: the group's facilitators and the organisers; another event's guide does not exist.
  setGuideLock:  row([401, 401, 401, 200, 200, 403, 403, 403, 403, 404], async (w) => ({ params: { guideId: await w.fresh.guide() }, body: { locked: true } })),
  setSessionLock: row([401, 401, 401, 200, 200, 403, 403, 403, 403, 404], (w) => ({ ...S(w), body: { locked: false } })),
  // The review: whoever reads the guide reads its review; handing it in (drafting → ready) is for
  // the group's facilitators and the organisers (the other moves: review.test.ts, per actor).
  guideReview:   row([401, 401, 401, 200, 200, 403, 200, 403, 200, 404], (w) => ({ params: { guideId: w.groupA.guideId } })),
  moveReview:    row([401, 401, 401, 200, 200, 403, 403, 403, 403, 404], async (w) => ({ params: { guideId: await w.fresh.guide() }, body: { from: 'drafting', to: 'ready', note: 'Ready.' } })),
  // A session's live state: anyone of the event (announcements filtered); running it: its managers.
  sessionLive:   row([401, 401, 401, 200, 200, 200, 200, 200, 200, 404], S),
  sessionTimer:  row([401, 401, 401, 200, 200, 403, 403, 403, 403, 404], (w) => ({ ...S(w), body: { action: 'start', minutes: 5 } })),
  sessionPhase:  row([401, 401, 401, 200, 200, 403, 403, 403, 403, 404], (w) => ({ ...S(w), body: { phase: 'drafting' } })),
  sessionFreeze: row([401, 401, 401, 200, 200, 403, 403, 403, 403, 404], (w) => ({ ...S(w), body: { scheduled: false } })),
  announce:      row([401, 401, 401, 201, 201, 403, 403, 403, 403, 404], (w) => ({ ...S(w), body: { text: 'Ten minutes left.', groupId: null } })),
  sessionConsole: row([401, 401, 401, 200, 200, 403, 403, 403, 403, 404], S),
  // Who wrote a guide: exactly those who may open it, refused exactly as opening it is.
  guideContributors: row([401, 401, 401, 200, 200, 403, 200, 403, 200, 404], (w) => ({ params: { guideId: w.groupA.guideId } })),
  // Versions follow the permission on the guide: readers list and open them, writers save and
  // restore (observers read group A's guide, so they may list and open, never save or restore).
  listVersions:  row([401, 401, 401, 200, 200, 403, 200, 403, 200, 404], (w) => ({ params: { guideId: w.groupA.guideId } })),
  saveVersion:   row([401, 401, 401, 201, 201, 403, 201, 403, 403, 404], (w) => ({ params: { guideId: w.groupA.guideId }, body: { label: 'Matrix version' } })),
  getVersion:    row([401, 401, 401, 200, 200, 403, 200, 403, 200, 404], async (w) => ({ params: { guideId: w.groupA.guideId, versionId: await matrixVersion(w) } })),
  restoreVersion: row([401, 401, 401, 200, 200, 403, 200, 403, 403, 404], async (w) => ({ params: { guideId: w.groupA.guideId, versionId: await matrixVersion(w) } })),
  // Exports: a guide by whoever may read it (participants only their own group's); a session
  // compiled by those who run it and observers of its scope; a job only by whoever started it.
  exportGuide:   row([401, 401, 401, 200, 200, 403, 200, 403, 200, 404], (w) => ({ params: { guideId: w.groupA.guideId }, query: { format: 'md' } })),
  startSessionExport: row([401, 401, 401, 201, 201, 403, 403, 403, 201, 404], (w) => ({ ...S(w), body: { format: 'md' } })),
  exportJob:     row([401, 401, 401, 200, 404, 404, 404, 404, 404, 404], E),
  // A fresh export each time: a person keeps only their few newest files (exportJobs.ts).
  exportFile:    row([401, 401, 401, 200, 404, 404, 404, 404, 404, 404], async (w) => ({ params: { exportId: await organiserExport(w) } })),
  // Everyone signed in may search; what each finds is only what they may read (search.test.ts).
  searchGuides:  row([401, 401, 401, 200, 200, 200, 200, 200, 200, 200], () => ({ query: { q: 'matrix words' } })),
  // A guide's current content (comparing guides): whoever may read it, as opening it.
  getGuideContent: row([401, 401, 401, 200, 200, 403, 200, 403, 200, 404], (w) => ({ params: { guideId: w.groupA.guideId } })),
  // The dashboard is the event's organisers' (another event's organiser sees their own event).
  dashboard:     row([401, 401, 401, 200, 403, 403, 403, 403, 403, 200]),
  dashboardActivity: row([401, 401, 401, 200, 403, 403, 403, 403, 403, 404], (w) => ({ query: { guideId: w.groupA.guideId } })),
  cancelExport:  row([401, 401, 401, 204, 404, 404, 404, 404, 404, 404], async (w) => ({ params: { exportId: await organiserExport(w) } })),
  // Comments follow reading the guide (observers too); resolving and deleting another's comment:
  // the group's facilitators and the organisers (the authors' own: comments.test.ts).
  guideComments: row([401, 401, 401, 200, 200, 403, 200, 403, 200, 404], (w) => ({ params: { guideId: w.groupA.guideId } })),
  createCommentThread: row([401, 401, 401, 201, 201, 403, 201, 403, 201, 404], async (w) => ({ params: { guideId: w.groupA.guideId }, body: { anchor: await commentAnchor(w), body: 'A comment.' } })),
  replyToCommentThread: row([401, 401, 401, 201, 201, 403, 201, 403, 201, 404], async (w) => ({ ...(await C(w)), body: { body: 'A reply.' } })),
  resolveCommentThread: row([401, 401, 401, 200, 200, 403, 403, 403, 403, 404], async (w) => ({ ...(await C(w)), body: { resolved: true } })),
  deleteComment: row([401, 401, 401, 200, 200, 403, 403, 403, 403, 404], async (w) => ({ params: await organiserThread(w) })),
  // Questions and polls: anyone of the event reads them; all but observers ask, vote up and vote
  // (once each); those who run the session moderate and run polls.
  sessionInteraction: row([401, 401, 401, 200, 200, 200, 200, 200, 200, 404], S),
  askQuestion:   row([401, 401, 401, 201, 201, 201, 201, 201, 403, 404], (w) => ({ ...S(w), body: { text: 'A matrix question?' } })),
  moderateQuestion: row([401, 401, 401, 200, 200, 403, 403, 403, 403, 404], async (w) => ({ ...(await Q(w)), body: { status: 'approved' } })),
  voteForQuestion: row([401, 401, 401, 204, 204, 204, 204, 204, 403, 404], Q),
  withdrawQuestionVote: row([401, 401, 401, 204, 204, 204, 204, 204, 403, 404], Q),
  questionSettings: row([401, 401, 401, 200, 200, 403, 403, 403, 403, 404], (w) => ({ ...S(w), body: { moderated: false } })),
  createPoll:    row([401, 401, 401, 201, 201, 403, 403, 403, 403, 404], (w) => ({ ...S(w), body: pollInput })),
  pollAction:    row([401, 401, 401, 200, 200, 403, 403, 403, 403, 404], async (w) => ({ ...(await P(w)), body: { action: 'reveal' } })),
  deletePoll:    row([401, 401, 401, 204, 204, 403, 403, 403, 403, 404], draftPoll),
  castBallot:    row([401, 401, 401, 204, 204, 204, 204, 204, 403, 404], async (w) => ({ ...(await P(w)), body: { choices: [0] } })),
  // Those who run the session (canModerateInteraction): the file holds held and hidden questions
  // and unrevealed results, so observers get the compiled export's audience cut instead.
  exportInteraction: row([401, 401, 401, 200, 200, 403, 403, 403, 403, 404], S),
  // Dot votes follow reading the guide; the group's facilitators and the organisers run them;
  // its members and those who run it place dots (observers do not; participantB is not in A).
  guideDotVotes: row([401, 401, 401, 200, 200, 403, 200, 403, 200, 404], (w) => ({ params: { guideId: w.groupA.guideId } })),
  openDotVote:   row([401, 401, 401, 201, 201, 403, 403, 403, 403, 404], async (w) => ({ params: { guideId: await votableGuide(w) }, body: { title: 'Matrix vote', source: 'sections', dots: 3 } })),
  placeDots:     row([401, 401, 401, 200, 200, 403, 200, 403, 403, 404], async (w) => ({ ...(await DV(w)), body: { dots: [1, 2] } })),
  closeDotVote:  row([401, 401, 401, 200, 200, 403, 403, 403, 403, 404], freshDotVote),
  // Registration: a focal point's link (no sign-in) reaches its own delegation whoever holds it;
  // the public page starts delegations; everything else is the event's organisers' (another
  // event's organiser manages their own event, and this event's delegations do not exist there).
  delegationForm: row([200, 200, 200, 200, 200, 200, 200, 200, 200, 200], RT),
  saveDelegation: row([200, 200, 200, 200, 200, 200, 200, 200, 200, 200], async (w) => ({ ...(await RT(w)), body: matrixSave })),
  publicRegistration: row([200, 200, 200, 200, 200, 200, 200, 200, 200, 200], RP),
  startDelegation: row([201, 201, 201, 201, 201, 201, 201, 201, 201, 201], async (w) => ({ ...(await RP(w)), body: matrixStart })),
  registrationOverview: row([401, 401, 401, 200, 403, 403, 403, 403, 403, 200]),
  registrationSettings: row([401, 401, 401, 200, 403, 403, 403, 403, 403, 200], () => ({ body: { open: true, deadline: null, publicPage: true } })),
  inviteDelegation: row([401, 401, 401, 201, 403, 403, 403, 403, 403, 201], () => ({ body: matrixStart })),
  updateDelegation: row([401, 401, 401, 200, 403, 403, 403, 403, 403, 404], async (w) => ({ ...(await RD(w)), body: { reopenedUntil: null } })),
  delegationLink: row([401, 401, 401, 201, 403, 403, 403, 403, 403, 404], async (w) => ({ params: (await freshDelegation(w)).params })),
  decideDelegates: row([401, 401, 401, 200, 403, 403, 403, 403, 403, 404], async (w) => ({ body: { delegateIds: [await freshDelegate(w)], decision: 'approve' } })),
  // 409 for the organisers: the matrix's server sends no email (registration.test.ts sends it).
  resendDelegateEmail: row([401, 401, 401, 409, 403, 403, 403, 403, 403, 404], async (w) => ({ params: { delegateId: await freshDelegate(w, true) } })),
  exportRegistrations: row([401, 401, 401, 200, 403, 403, 403, 403, 403, 200]),
  listPeople:    row([401, 401, 401, 200, 200, 200, 403, 403, 403, 200]),
  updatePerson:  row([401, 401, 401, 200, 403, 403, 403, 403, 403, 404], async (w) => ({ params: { personId: await w.fresh.person() }, body: { role: 'observer' } })),
  revokePerson:  row([401, 401, 401, 204, 403, 403, 403, 403, 403, 404], async (w) => ({ params: { personId: await w.fresh.person() } })),
  personLink:    row([401, 401, 401, 201, 403, 403, 403, 403, 403, 404], (w) => ({ params: { personId: w.people.participantA?.personId ?? '' } })),
  importPeople:  row([401, 401, 401, 200, 403, 403, 403, 403, 403, 200], () => ({ body: { csv: 'name,parliament,country,language\nDry Run,Parliament of Testland,KE,en', dryRun: true } })),
  listInvites:   row([401, 401, 401, 200, 403, 403, 403, 403, 403, 200]),
  // Another event's organiser naming this event's session in the body: refused as invalid input.
  createInvite:  row([401, 401, 401, 201, 403, 403, 403, 403, 403, 400], (w) => ({ body: { role: 'participant', scope: { type: 'session', id: w.sessionS.id }, expiresAt: new Date(Date.now() + 86_400_000).toISOString(), maxUses: 5 } })),
  revokeInvite:  row([401, 401, 401, 204, 403, 403, 403, 403, 403, 404], async (w) => ({ params: { inviteId: await w.fresh.invite() } })),
  // Templates reach every session of the event: organisers only; another event's are "not found".
  listTemplates: row([401, 401, 401, 200, 403, 403, 403, 403, 403, 200]),
  createTemplate: row([401, 401, 401, 201, 403, 403, 403, 403, 403, 201], () => ({ body: templateInput('Matrix template') })),
  getBuiltInTemplate: row([401, 401, 401, 200, 403, 403, 403, 403, 403, 200], () => ({ params: { language: 'ar' } })),
  getTemplate:   row([401, 401, 401, 200, 403, 403, 403, 403, 403, 404], T),
  updateTemplate: row([401, 401, 401, 200, 403, 403, 403, 403, 403, 404], async (w) => ({ ...(await T(w)), body: templateInput('Renamed template') })),
  deleteTemplate: row([401, 401, 401, 204, 403, 403, 403, 403, 403, 404], T),
  // The good-practice library (issue 17): everyone of the event reads approved practices; a
  // parliament's delegates write theirs (the matrix's practice is Ghana's, no actor's: 403);
  // observers submit nothing; curation, publication and the CSV are the organisers'. The public
  // pages need no sign-in once the library is published.
  listPractices: row([401, 401, 401, 200, 200, 200, 200, 200, 200, 200]),
  submitPractice: row([401, 401, 401, 201, 201, 201, 201, 201, 403, 201], () => ({ body: practiceInput({ title: 'Matrix practice' }) })),
  getPractice:   row([401, 401, 401, 200, 200, 200, 200, 200, 200, 404], async (w) => ({ params: await LP(w) })),
  updatePractice: row([401, 401, 401, 200, 403, 403, 403, 403, 403, 404], async (w, a) => { const p = await freshPractice(w, a); return { params: { practiceId: p.id }, body: { ...practiceInput(), revision: p.revision } }; }),
  reviewPractice: row([401, 401, 401, 200, 403, 403, 403, 403, 403, 404], async (w, a) => { const p = await freshPractice(w, a); return { params: { practiceId: p.id }, body: { revision: p.revision, to: 'changes-requested', note: 'Matrix note.' } }; }),
  mergePractice: row([401, 401, 401, 200, 403, 403, 403, 403, 403, 404], async (w, a) => { const p = await freshPractice(w, a); return { params: { practiceId: p.id }, body: { revision: p.revision, into: (await LP(w)).practiceId } }; }),
  setPracticePublication: row([401, 401, 401, 200, 403, 403, 403, 403, 403, 404], async (w) => ({ params: await LP(w), body: { public: true } })),
  practiceVersions: row([401, 401, 401, 200, 200, 200, 200, 200, 200, 404], async (w) => ({ params: await LP(w) })),
  practiceVersion: row([401, 401, 401, 200, 200, 200, 200, 200, 200, 404], async (w) => ({ params: { ...(await LP(w)), revision: '1' } })),
  exportPracticesCsv: row([401, 401, 401, 200, 403, 403, 403, 403, 403, 200]),
  librarySettings: row([401, 401, 401, 200, 403, 403, 403, 403, 403, 200]),
  updateLibrarySettings: row([401, 401, 401, 200, 403, 403, 403, 403, 403, 200], () => ({ body: { published: false } })),
  publicLibrary: row([200, 200, 200, 200, 200, 200, 200, 200, 200, 200], async (w) => ({ params: { eventId: (await publishedLibrary(w)).eventId } })),
  publicPractice: row([200, 200, 200, 200, 200, 200, 200, 200, 200, 200], async (w) => ({ params: await publishedLibrary(w) })),
  // Citation cards: anyone signed in; an id another event's person may not see is a card with
  // `available: false`, never a 404 (citations.test.ts checks what each one is told).
  practiceCards: row([401, 401, 401, 200, 200, 200, 200, 200, 200, 200], () => ({ query: { ids: 'matrix-practice' } })),
  // A guide's citations: whoever may read it, refused exactly as reading its content.
  guideCitations: row([401, 401, 401, 200, 200, 403, 200, 403, 200, 404], (w) => ({ params: { guideId: w.groupA.guideId } })),
  // The library export: anyone signed in, of their own event's library (another organiser: theirs).
  exportLibrary: row([401, 401, 401, 200, 200, 200, 200, 200, 200, 200], () => ({ query: { format: 'docx' } })),
  // A running order: anyone of the event reads it; those who run the session set it. S is a
  // co-creation session, so they meet the kind rule (409) after the authorization passed; the
  // 200s are in sessionPractices.test.ts, on a good-practice exchange.
  sessionPractices: row([401, 401, 401, 200, 200, 200, 200, 200, 200, 404], S),
  setSessionPractices: row([401, 401, 401, 409, 409, 403, 403, 403, 403, 404], (w) => ({ ...S(w), body: { items: [] } })),
  setCurrentPractice: row([401, 401, 401, 409, 409, 403, 403, 403, 403, 404], (w) => ({ ...S(w), body: { practiceId: null } })),
} satisfies Record<ApiRouteName, Row>;

describe('REST authorization matrix', () => {
  let server: TestServer;
  let world: World;
  beforeAll(async () => {
    ({ server, world } = await worldServer());
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it('has a row for every route of the shared table, and no other', () => {
    expect(Object.keys(matrix).sort()).toEqual(Object.keys(apiRoutes).sort());
  });

  it.each(Object.keys(apiRoutes) as ApiRouteName[])('%s', async (name) => {
    const route = apiRoutes[name];
    const routeRow = (matrix as Partial<Record<ApiRouteName, Row>>)[name];
    if (!routeRow) throw new Error(`the matrix has no row for ${name}`);
    const actual: (number | string)[] = [];
    for (const actorName of actorNames) {
      const actor = world.actors[actorName];
      const call = (await routeRow.call?.(world, actor)) ?? {};
      const query = call.query ? `?${new URLSearchParams(call.query).toString()}` : '';
      const path = `${apiPath(name, call.params)}${query}`;
      const response = await send(
        server.url,
        call.cookie ?? actor.cookie,
        route.method,
        path,
        call.body,
      );
      const bodyFits =
        response.status !== route.status ||
        !route.response ||
        route.response.safeParse(response.body).success;
      actual.push(
        bodyFits ? response.status : `${response.status} with a body that fails the schema`,
      );
    }
    expect(byActor(actual)).toEqual(byActor(routeRow.statuses));
  });
});
