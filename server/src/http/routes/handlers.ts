import type { AuthService } from '../../services/auth/authService.ts';
import type { DeviceLinkService } from '../../services/auth/deviceLinks.ts';
import type { GroupService } from '../../services/conference/groupService.ts';
import type { GuideService } from '../../services/conference/guideService.ts';
import type { ContributorsService } from '../../services/conference/contributorsService.ts';
import type { LockService } from '../../services/conference/lockService.ts';
import type { CommentService } from '../../services/comments/commentService.ts';
import type { ReviewService } from '../../services/review/reviewService.ts';
import type { SessionLiveService } from '../../services/sessions/sessionLiveService.ts';
import type { InteractionService } from '../../services/interaction/interactionService.ts';
import type { DotVoteService } from '../../services/dotVotes/dotVoteService.ts';
import type { MeService } from '../../services/conference/meService.ts';
import type { PeopleService } from '../../services/conference/peopleService.ts';
import type { ProgrammeService } from '../../services/conference/programmeService.ts';
import type { TemplateService } from '../../services/templates/templateService.ts';
import type { VersionService } from '../../services/versions/versionService.ts';
import type { ExportService } from '../../services/exports/exportService.ts';
import type { SearchService } from '../../services/search/searchService.ts';
import type { GuideContentService } from '../../services/documents/guideContentService.ts';
import type { DashboardService } from '../../services/dashboard/dashboardService.ts';
import type { RegistrationService } from '../../services/registration/registrationService.ts';
import type { PersonalProgrammeService } from '../../services/programme/personalProgrammeService.ts';
import type { LibraryServices } from '../../services/practices/wireLibrary.ts';
import { loadViewer } from '../../services/conference/viewer.ts';
import { sessionTokenFrom } from '../../lib/sessionToken.ts';
import type { Repositories } from '../../persistence/index.ts';
import { clearSessionCookie, setSessionCookie, type CookieSecurity } from '../sessionCookie.ts';
import type { Handlers } from './api.ts';
import { libraryHandlers } from './libraryHandlers.ts';
import { citationHandlers } from './citationHandlers.ts';

export interface ConferenceServices {
  auth: AuthService;
  me: MeService;
  devices: DeviceLinkService;
  programme: ProgrammeService;
  groups: GroupService;
  guides: GuideService;
  contributors: ContributorsService;
  locks: LockService;
  review: ReviewService;
  comments: CommentService;
  sessionLive: SessionLiveService;
  interaction: InteractionService;
  dotVotes: DotVoteService;
  people: PeopleService;
  templates: TemplateService;
  versions: VersionService;
  exports: ExportService;
  search: SearchService;
  guideContent: GuideContentService;
  dashboard: DashboardService;
  registration: RegistrationService;
  personalProgramme: PersonalProgrammeService;
  /** The good-practice library (`wireLibrary`). */
  library: LibraryServices;
  repositories: Repositories;
  cookieSecurity: CookieSecurity;
}

/** One line per route: HTTP in, service call, result out. Rules live in the services. */
export function conferenceHandlers(services: ConferenceServices): Handlers {
  const { auth, me, programme, groups, guides, people, templates, registration } = services;
  return {
    invitePreview: ({ params }) => auth.preview(params.token),
    inviteContact: ({ params }) => auth.contact(params.token),
    join: async ({ params, body, request, response }) => {
      const previous = await auth.authenticate(sessionTokenFrom(request));
      const signIn = await auth.join(params.token, body);
      setSessionCookie(request, response, signIn.token, signIn.expiresAt, services.cookieSecurity);
      // The browser now carries the new person's cookie; the old sign-in would only linger,
      // unusable here but still valid for anyone who copied it, and its editors stay open.
      if (previous) await auth.signOut(previous);
      return me.me(await loadViewer(services.repositories, signIn.personId));
    },
    addDevice: ({ signedIn }) => services.devices.create(signedIn().signIn),
    deviceSignIn: async ({ body, request, response }) => {
      const previous = await auth.authenticate(sessionTokenFrom(request));
      // request.ip is the address every limit counts (Express shares TRUST_PROXY's function).
      const signIn = await services.devices.signIn(body, request.ip ?? '');
      setSessionCookie(request, response, signIn.token, signIn.expiresAt, services.cookieSecurity);
      // As for joining: this browser now carries the new sign-in, the old one would only linger.
      if (previous) await auth.signOut(previous);
      return me.me(await loadViewer(services.repositories, signIn.personId));
    },
    me: async ({ signedIn }) => me.me(signedIn().viewer),
    updateMe: ({ signedIn, body }) => me.updateProfile(signedIn().viewer, body),
    personalProgramme: ({ signedIn }) =>
      services.personalProgramme.personalProgramme(signedIn().viewer),
    setAudiences: ({ signedIn, body }) =>
      services.personalProgramme.setAudiences(signedIn().viewer, body),
    planAttendance: ({ signedIn, params, body }) =>
      services.personalProgramme.planAttendance(signedIn().viewer, params.sessionId, body),
    // The request's own origin (behind TRUST_PROXY, as the proxy says) when PUBLIC_URL is unset.
    myCalendar: ({ signedIn, request }) =>
      services.personalProgramme.myCalendar(
        signedIn().viewer,
        `${request.protocol}://${request.get('host') ?? 'localhost'}`,
      ),
    signOut: async ({ signedIn, response }) => {
      await auth.signOut(signedIn().signIn);
      clearSessionCookie(response);
    },
    programme: ({ signedIn }) => programme.programme(signedIn().viewer),
    updateEvent: ({ signedIn, body }) => programme.updateEvent(signedIn().viewer, body),
    createSession: ({ signedIn, body }) => programme.createSession(signedIn().viewer, body),
    getSession: ({ signedIn, params }) =>
      programme.sessionDetail(signedIn().viewer, params.sessionId),
    updateSession: ({ signedIn, params, body }) =>
      programme.updateSession(signedIn().viewer, params.sessionId, body),
    deleteSession: ({ signedIn, params }) =>
      programme.deleteSession(signedIn().viewer, params.sessionId),
    createGroup: ({ signedIn, params, body }) =>
      groups.create(signedIn().viewer, params.sessionId, body),
    autoAssign: ({ signedIn, params, body }) =>
      groups.autoAssign(signedIn().viewer, params.sessionId, body),
    getGroup: ({ signedIn, params }) => groups.get(signedIn().viewer, params.groupId),
    updateGroup: ({ signedIn, params, body }) =>
      groups.update(signedIn().viewer, params.groupId, body),
    deleteGroup: ({ signedIn, params }) => groups.delete(signedIn().viewer, params.groupId),
    assignMembers: ({ signedIn, params, body }) =>
      groups.assign(signedIn().viewer, params.groupId, body),
    removeMember: ({ signedIn, params }) =>
      groups.removeMember(signedIn().viewer, params.groupId, params.personId),
    selfSelect: ({ signedIn, params }) => groups.selfSelect(signedIn().viewer, params.groupId),
    listGuides: async ({ signedIn }) => ({ guides: await guides.list(signedIn().viewer) }),
    getGuide: ({ signedIn, params }) => guides.get(signedIn().viewer, params.guideId),
    setGuideLock: async ({ signedIn, params, body }) => ({
      guides: await services.locks.setGuideLock(signedIn().viewer, params.guideId, body.locked),
    }),
    setSessionLock: async ({ signedIn, params, body }) => ({
      guides: await services.locks.setSessionLock(signedIn().viewer, params.sessionId, body.locked),
    }),
    guideReview: ({ signedIn, params }) => services.review.read(signedIn().viewer, params.guideId),
    moveReview: ({ signedIn, params, body }) =>
      services.review.move(signedIn().viewer, params.guideId, body),
    sessionLive: ({ signedIn, params }) =>
      services.sessionLive.read(signedIn().viewer, params.sessionId),
    sessionTimer: ({ signedIn, params, body }) =>
      services.sessionLive.timer(signedIn().viewer, params.sessionId, body),
    sessionPhase: ({ signedIn, params, body }) =>
      services.sessionLive.phase(signedIn().viewer, params.sessionId, body.phase),
    sessionFreeze: ({ signedIn, params, body }) =>
      services.sessionLive.scheduleFreeze(signedIn().viewer, params.sessionId, body.scheduled),
    announce: ({ signedIn, params, body }) =>
      services.sessionLive.announce(signedIn().viewer, params.sessionId, body),
    sessionConsole: ({ signedIn, params }) =>
      services.sessionLive.console(signedIn().viewer, params.sessionId),
    guideContributors: ({ signedIn, params }) =>
      services.contributors.forGuide(signedIn().viewer, params.guideId),
    listVersions: async ({ signedIn, params }) => ({
      versions: await services.versions.list(signedIn().viewer, params.guideId),
    }),
    saveVersion: ({ signedIn, params, body }) =>
      services.versions.save(signedIn().viewer, params.guideId, body),
    getVersion: ({ signedIn, params }) =>
      services.versions.get(signedIn().viewer, params.guideId, params.versionId),
    restoreVersion: ({ signedIn, params }) =>
      services.versions.restore(signedIn().viewer, params.guideId, params.versionId),
    exportGuide: ({ signedIn, params, query }) =>
      services.exports.guide(signedIn().viewer, params.guideId, query),
    startSessionExport: ({ signedIn, params, body }) =>
      services.exports.startSession(signedIn().viewer, params.sessionId, body),
    exportJob: async ({ signedIn, params }) =>
      services.exports.job(signedIn().viewer, params.exportId),
    cancelExport: async ({ signedIn, params }) =>
      services.exports.cancel(signedIn().viewer, params.exportId),
    exportFile: async ({ signedIn, params }) =>
      services.exports.file(signedIn().viewer, params.exportId),
    searchGuides: ({ signedIn, query }) => services.search.search(signedIn().viewer, query),
    getGuideContent: ({ signedIn, params }) =>
      services.guideContent.read(signedIn().viewer, params.guideId),
    guideComments: ({ signedIn, params }) =>
      services.comments.list(signedIn().viewer, params.guideId),
    createCommentThread: ({ signedIn, params, body }) =>
      services.comments.createThread(signedIn().viewer, params.guideId, body),
    replyToCommentThread: ({ signedIn, params, body }) =>
      services.comments.reply(signedIn().viewer, params.guideId, params.threadId, body),
    resolveCommentThread: ({ signedIn, params, body }) =>
      services.comments.resolve(signedIn().viewer, params.guideId, params.threadId, body),
    deleteComment: ({ signedIn, params }) =>
      services.comments.remove(
        signedIn().viewer,
        params.guideId,
        params.threadId,
        params.commentId,
      ),
    sessionInteraction: ({ signedIn, params }) =>
      services.interaction.read(signedIn().viewer, params.sessionId),
    askQuestion: ({ signedIn, params, body }) =>
      services.interaction.ask(signedIn().viewer, params.sessionId, body),
    moderateQuestion: ({ signedIn, params, body }) =>
      services.interaction.moderate(signedIn().viewer, params.sessionId, params.questionId, body),
    voteForQuestion: ({ signedIn, params }) =>
      services.interaction.vote(signedIn().viewer, params.sessionId, params.questionId),
    withdrawQuestionVote: ({ signedIn, params }) =>
      services.interaction.unvote(signedIn().viewer, params.sessionId, params.questionId),
    questionSettings: ({ signedIn, params, body }) =>
      services.interaction.setModerated(signedIn().viewer, params.sessionId, body.moderated),
    createPoll: ({ signedIn, params, body }) =>
      services.interaction.createPoll(signedIn().viewer, params.sessionId, body),
    pollAction: ({ signedIn, params, body }) =>
      services.interaction.pollAction(signedIn().viewer, params.sessionId, params.pollId, body),
    deletePoll: ({ signedIn, params }) =>
      services.interaction.deletePoll(signedIn().viewer, params.sessionId, params.pollId),
    castBallot: ({ signedIn, params, body }) =>
      services.interaction.castBallot(signedIn().viewer, params.sessionId, params.pollId, body),
    exportInteraction: ({ signedIn, params }) =>
      services.interaction.exportCsv(signedIn().viewer, params.sessionId),
    guideDotVotes: ({ signedIn, params }) =>
      services.dotVotes.list(signedIn().viewer, params.guideId),
    openDotVote: ({ signedIn, params, body }) =>
      services.dotVotes.open(signedIn().viewer, params.guideId, body),
    placeDots: ({ signedIn, params, body }) =>
      services.dotVotes.place(signedIn().viewer, params.guideId, params.voteId, body),
    closeDotVote: ({ signedIn, params }) =>
      services.dotVotes.close(signedIn().viewer, params.guideId, params.voteId),
    dashboard: async ({ signedIn }) => ({
      rows: await services.dashboard.rows(signedIn().viewer),
      at: new Date().toISOString(),
    }),
    dashboardActivity: ({ signedIn, query }) =>
      services.dashboard.activity(signedIn().viewer, query),
    listPeople: async ({ signedIn }) => ({ people: await people.list(signedIn().viewer) }),
    updatePerson: ({ signedIn, params, body }) =>
      people.update(signedIn().viewer, params.personId, body),
    revokePerson: ({ signedIn, params }) => auth.revokePerson(signedIn().viewer, params.personId),
    personLink: ({ signedIn, params }) => auth.personLink(signedIn().viewer, params.personId),
    importPeople: ({ signedIn, body }) => people.importRegistrations(signedIn().viewer, body),
    listInvites: async ({ signedIn }) => ({ invites: await auth.listInvites(signedIn().viewer) }),
    createInvite: ({ signedIn, body }) => auth.createInvite(signedIn().viewer, body),
    revokeInvite: ({ signedIn, params }) => auth.revokeInvite(signedIn().viewer, params.inviteId),
    delegationForm: ({ params }) => registration.delegationForm(params.token),
    saveDelegation: ({ params, body }) => registration.saveDelegation(params.token, body),
    publicRegistration: ({ params }) => registration.publicRegistration(params.token),
    startDelegation: ({ params, body }) => registration.startDelegation(params.token, body),
    registrationOverview: ({ signedIn }) => registration.overview(signedIn().viewer),
    registrationSettings: ({ signedIn, body }) =>
      registration.updateSettings(signedIn().viewer, body),
    inviteDelegation: ({ signedIn, body }) =>
      registration.inviteDelegation(signedIn().viewer, body),
    updateDelegation: ({ signedIn, params, body }) =>
      registration.updateDelegation(signedIn().viewer, params.delegationId, body),
    delegationLink: ({ signedIn, params }) =>
      registration.delegationLink(signedIn().viewer, params.delegationId),
    decideDelegates: ({ signedIn, body }) => registration.decideDelegates(signedIn().viewer, body),
    resendDelegateEmail: ({ signedIn, params }) =>
      registration.resendDelegateEmail(signedIn().viewer, params.delegateId),
    exportRegistrations: ({ signedIn }) => registration.exportCsv(signedIn().viewer),
    listTemplates: ({ signedIn }) => templates.list(signedIn().viewer),
    createTemplate: ({ signedIn, body }) => templates.create(signedIn().viewer, body),
    getBuiltInTemplate: async ({ signedIn, params }) =>
      templates.builtIn(signedIn().viewer, params.language),
    getTemplate: ({ signedIn, params }) => templates.get(signedIn().viewer, params.templateId),
    updateTemplate: ({ signedIn, params, body }) =>
      templates.update(signedIn().viewer, params.templateId, body),
    deleteTemplate: ({ signedIn, params }) =>
      templates.delete(signedIn().viewer, params.templateId),
    ...libraryHandlers(services),
    ...citationHandlers(services),
  };
}
