import { setMaxListeners } from 'node:events';
import { apiPath, type Poll, type SessionInteraction, type SessionLive } from '@draftroom/shared';
import type { Person } from '../../lib/people.ts';
import type { ServerUnderTest } from '../../lib/processes.ts';
import { ProcessSampler } from '../../lib/sampler.ts';
import { percentile } from '../../lib/stats.ts';
import { SessionPage } from './sessionPage.ts';

export interface VotingOptions {
  /** People in the session; each opens its page and votes once. */
  voters: number;
  /** They join through this many groups' invite links (a group holds at most 500). */
  groups: number;
  /** Each first ballot is sent at a random moment in this window. */
  windowMs: number;
  /** This many voters send their ballot a second time (a replay): each must be refused. */
  replays: number;
  /** A page that has not shown a change this long after it is counted as missing it. */
  settleMs: number;
  /** Seeds who votes when and for what, so runs differ but can be repeated. */
  seed: number;
  log: (message: string) => void;
}

/**
 * How long each page took to show one change: from the moment its cause (the last ballot) was
 * sent, as a person clicks, and (`fromAnswer`) from the moment it was answered.
 */
export interface FanOut {
  pages: number;
  /** Pages that showed it within `settleMs`. */
  seen: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  fromAnswer: { p50Ms: number; p99Ms: number; maxMs: number };
}

/** When the change's cause was sent and when it was answered (performance.now()). */
interface Cause {
  sentAt: number;
  answeredAt: number;
}

export interface VotingResult {
  voters: number;
  listening: number;
  /** What was sent: first ballots per option (4 options). */
  sentPerOption: number[];
  /** First ballots by response status (204 accepted). */
  statuses: Record<string, number>;
  accepted: number;
  /** Replays sent, and how many were refused with 409 `already_voted` (anything else is wrong). */
  replays: number;
  replaysRefused: number;
  replayOther: string[];
  /** The poll as the organiser reads it afterwards (`GET …/interaction`). */
  finalBallots: number;
  finalVotes: number[];
  /** Voting → the last first ballot's response, ms (about the window). */
  lastVoteAfterMs: number;
  voteLatency: { p50Ms: number; p99Ms: number; maxMs: number };
  /** After the last vote's response, until each page got the final count and results. */
  results: FanOut;
  /** Idle server, same pages: one ballot (another poll), and one announcement to every group. */
  singleBallot: FanOut;
  announcement: FanOut;
  /** `event: interaction` messages the pages received during the voting, all pages together. */
  interactionMessages: number;
  server: {
    cpuPercent: number;
    rssBeforeBytes: number;
    peakRssBytes: number;
    endRssBytes: number;
  };
  bench: { cpuPercent: number; loopDelayP99Ms: number };
  otherCpuPercent: number;
  pageFailures: string[];
}

const options4 = ['Keep the rule', 'Amend it', 'Repeal it', 'Ask the committee'];

/** The poll's view on a page, or undefined (pages see polls newest first, so by id). */
const pollIn = (data: unknown, pollId: string): Poll | undefined =>
  (data as SessionInteraction).polls.find((poll) => poll.id === pollId);

const sameVotes = (poll: Poll | undefined, expected: number[]) =>
  poll?.results?.votes.length === expected.length &&
  poll.results.votes.every((count, index) => count === expected[index]);

/** A small seeded generator (mulberry32): who votes when, and for what. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Issue 15's voting load, on one Draftroom process: an organiser sets up a session and two
 * single-choice polls of four options through the REST API (opened and revealed, so every page
 * shows results), `voters` people join by invite and each opens the session's event stream.
 * On the idle server, two single changes are timed to every page first (an announcement to
 * every group; one ballot in the other poll). Then each person casts one ballot at a random
 * moment in `windowMs`; `replays` of them send theirs again at once and must get 409
 * `already_voted`. Timed: from the last ballot being sent (and, apart, from the last response)
 * until each page has received the poll with every ballot counted and the per-option results
 * exactly as sent.
 */
export async function runVoting(
  server: ServerUnderTest,
  options: VotingOptions,
): Promise<VotingResult> {
  if (!server.organiser) throw new Error('the voting scenario needs Draftroom');
  const draw = random(options.seed);
  const perGroup = Math.ceil(options.voters / options.groups);
  const names = Array.from({ length: options.groups }, (_, index) => `Debate table ${index + 1}`);
  const setup = await server.setUpGuides(names, perGroup, options.log);
  const sessionId = setup.sessionId as string;
  const voters = setup.guides.flatMap((guide) => guide.people).slice(0, options.voters);
  const organiser = setup.organiser;

  const post = async (person: Person, path: string, body: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { ...person.headers, 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as unknown };
  };
  const must = async <T>(person: Person, path: string, body: unknown, status: number) => {
    const answer = await post(person, path, body);
    if (answer.status !== status) {
      throw new Error(`POST ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return answer.body as T;
  };
  const openPoll = async (question: string) => {
    const poll = await must<Poll>(
      organiser,
      apiPath('createPoll', { sessionId }),
      { kind: 'single', question, options: options4 },
      201,
    );
    for (const action of ['open', 'reveal']) {
      await must(organiser, apiPath('pollAction', { sessionId, pollId: poll.id }), { action }, 200);
    }
    return poll.id;
  };
  const warmUpPollId = await openPoll('Warm-up: which room are you in?');
  const pollId = await openPoll('What should the assembly do with rule 42?');

  // Every page opens its stream and shows both polls open and revealed, with no ballots yet.
  const sampler = new ProcessSampler(server, 250);
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  const pages = voters.map(
    (person) => new SessionPage(server.url, sessionId, person, controller.signal),
  );
  try {
    const ready = (data: unknown) =>
      [warmUpPollId, pollId].every((id) => {
        const poll = pollIn(data, id);
        return poll?.status === 'open' && poll.revealed && poll.results !== null;
      });
    const shown = await within(
      pages.map((page) => page.watch('interaction', ready)),
      60_000,
    );
    const listening = shown.filter((at) => at !== null).length;
    if (listening < pages.length) {
      options.log(`  only ${listening} of ${pages.length} pages showed the polls`);
    }

    // The baselines: a single change to the same pages, on the idle server.
    const announcementText = `Voting opens in a moment (run ${options.seed}).`;
    const announcement = await fanOut(
      pages,
      'live',
      (data) => (data as SessionLive).announcements.some((a) => a.text === announcementText),
      async () => {
        const sentAt = performance.now();
        await must(organiser, apiPath('announce', { sessionId }), { text: announcementText }, 201);
        return { sentAt, answeredAt: performance.now() };
      },
      options.settleMs,
    );
    const singleBallot = await fanOut(
      pages,
      'interaction',
      (data) => sameVotes(pollIn(data, warmUpPollId), [1, 0, 0, 0]),
      async () => {
        const sentAt = performance.now();
        await must(
          organiser,
          apiPath('castBallot', { sessionId, pollId: warmUpPollId }),
          { choices: [0] },
          204,
        );
        return { sentAt, answeredAt: performance.now() };
      },
      options.settleMs,
    );
    await sleep(500);

    // The vote: who chooses what, and when, drawn up front.
    const plan = voters.map((person) => ({
      person,
      choice: Math.floor(draw() * options4.length),
      atMs: draw() * options.windowMs,
      replay: false,
    }));
    for (const index of pickDistinct(plan.length, options.replays, draw)) {
      (plan[index] as (typeof plan)[number]).replay = true;
    }
    const sentPerOption = options4.map((_, option) => plan.filter((v) => v.choice === option));
    const expected = sentPerOption.map((chosen) => chosen.length);
    const statuses: Record<string, number> = {};
    const latencies: number[] = [];
    const replayOther: string[] = [];
    let replaysRefused = 0;
    // The last ballot sent (the last click) and the last answered (not always the same one).
    const last: Cause = { sentAt: 0, answeredAt: 0 };
    const ballotPath = apiPath('castBallot', { sessionId, pollId });
    const messagesBefore = pages.reduce((sum, page) => sum + page.count('interaction'), 0);
    const rssBeforeBytes = sampler.sample();
    sampler.markStart();
    const startedAt = performance.now();

    const results = await fanOut(
      pages,
      'interaction',
      (data) => {
        const poll = pollIn(data, pollId);
        return poll?.ballots === voters.length && sameVotes(poll, expected);
      },
      async () => {
        await Promise.all(
          plan.map(async (vote) => {
            await sleep(vote.atMs);
            const sentAt = performance.now();
            last.sentAt = Math.max(last.sentAt, sentAt);
            const answer = await post(vote.person, ballotPath, { choices: [vote.choice] }).catch(
              (error: unknown) => ({ status: 0, body: String(error) }),
            );
            const answeredAt = performance.now();
            latencies.push(answeredAt - sentAt);
            last.answeredAt = Math.max(last.answeredAt, answeredAt);
            statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
            if (!vote.replay) return;
            // The same request again, as a replay or a second browser would send it.
            const again = await post(vote.person, ballotPath, { choices: [vote.choice] }).catch(
              (error: unknown) => ({ status: 0, body: String(error) }),
            );
            const code = (again.body as { error?: { code?: string } } | null)?.error?.code;
            if (again.status === 409 && code === 'already_voted') replaysRefused++;
            else replayOther.push(`${again.status} ${code ?? JSON.stringify(again.body)}`);
          }),
        );
        return last;
      },
      options.settleMs,
    );
    sampler.markEnd();
    const endRssBytes = sampler.sample();
    const window = sampler.result();
    const messagesDuring =
      pages.reduce((sum, page) => sum + page.count('interaction'), 0) - messagesBefore;

    // What the server kept, as the organiser reads it.
    const final = await fetch(`${server.url}${apiPath('sessionInteraction', { sessionId })}`, {
      headers: organiser.headers,
    }).then((response) => response.json() as Promise<SessionInteraction>);
    const finalPoll = pollIn(final, pollId);

    return {
      voters: voters.length,
      listening,
      sentPerOption: expected,
      statuses,
      accepted: statuses['204'] ?? 0,
      replays: plan.filter((vote) => vote.replay).length,
      replaysRefused,
      replayOther,
      finalBallots: finalPoll?.ballots ?? -1,
      finalVotes: finalPoll?.results?.votes ?? [],
      lastVoteAfterMs: last.answeredAt - startedAt,
      voteLatency: {
        p50Ms: percentile(latencies, 50),
        p99Ms: percentile(latencies, 99),
        maxMs: Math.max(...latencies),
      },
      results,
      singleBallot,
      announcement,
      interactionMessages: messagesDuring,
      server: {
        cpuPercent: window.serverCpuPercent,
        rssBeforeBytes,
        peakRssBytes: window.peakRssBytes,
        endRssBytes,
      },
      bench: { cpuPercent: window.benchCpuPercent, loopDelayP99Ms: window.benchLoopDelayP99Ms },
      otherCpuPercent: window.otherCpuPercent,
      pageFailures: pages.flatMap((page) => (page.failure ? [page.failure] : [])),
    };
  } finally {
    sampler.stop();
    controller.abort();
    await Promise.allSettled(pages.map((page) => page.done));
  }
}

/**
 * Times one change to every page: each page's wait starts before `change` runs, and its time is
 * counted from the moment the change's cause was sent (and, apart, from its answer); a page that
 * had it already by then counts 0. A page without it `settleMs` after the answer counts as that
 * long (and not in `seen`), so missing pages raise the percentiles instead of dropping out.
 */
async function fanOut(
  pages: SessionPage[],
  event: string,
  test: (data: unknown) => boolean,
  change: () => Promise<Cause>,
  settleMs: number,
): Promise<FanOut> {
  const arrivals = pages.map((page) => page.watch(event, test));
  const { sentAt, answeredAt } = await change();
  const times = await within(arrivals, settleMs);
  const since = (from: number) =>
    times.map((at) => Math.max(0, (at ?? answeredAt + settleMs) - from));
  const fromSent = since(sentAt);
  const fromAnswer = since(answeredAt);
  return {
    pages: pages.length,
    seen: times.filter((at) => at !== null).length,
    p50Ms: percentile(fromSent, 50),
    p95Ms: percentile(fromSent, 95),
    p99Ms: percentile(fromSent, 99),
    maxMs: Math.max(...fromSent),
    fromAnswer: {
      p50Ms: percentile(fromAnswer, 50),
      p99Ms: percentile(fromAnswer, 99),
      maxMs: Math.max(...fromAnswer),
    },
  };
}

/** Each promise's value, or null for those not settled within `ms` (from now). */
async function within(promises: Promise<number>[], ms: number): Promise<Array<number | null>> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    return await Promise.all(promises.map((promise) => Promise.race([promise, deadline])));
  } finally {
    clearTimeout(timer);
  }
}

function pickDistinct(size: number, count: number, draw: () => number): number[] {
  const indexes = Array.from({ length: size }, (_, index) => index);
  for (let index = size - 1; index > 0; index--) {
    const other = Math.floor(draw() * (index + 1));
    [indexes[index], indexes[other]] = [indexes[other] as number, indexes[index] as number];
  }
  return indexes.slice(0, Math.min(count, size));
}
