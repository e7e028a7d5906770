import {
  ApiClient,
  createCoCreationSession,
  createGroup,
  createInvite,
  sampleProfile,
} from '@draftroom/server/testing';

/**
 * Someone who opens guides, as a websocket sees them: the headers their socket sends. On
 * Draftroom that is the session cookie they got by joining with an invite link, exactly what a
 * browser sends; the baseline has no sign-in, so its people send nothing.
 */
export interface Person {
  name: string;
  headers: Record<string, string>;
}

/** One breakout group's guide and the people of the group, each signed in on their own. */
export interface GuideSetup {
  name: string;
  documentId: string;
  people: Person[];
}

export interface GuidesSetup {
  /** The organiser (may open every guide of the event): the conference's fresh verifiers. */
  organiser: Person;
  /** Draftroom: the co-creation session the guides' groups belong to. */
  sessionId?: string;
  guides: GuideSetup[];
}

export const anonymous = (name: string): Person => ({ name, headers: {} });

const personOf = (client: ApiClient, name: string): Person => ({
  name,
  headers: { cookie: client.cookie },
});

/** Joins in flight at once: a conference's people click their links independently. */
const joinConcurrency = 20;

/**
 * Sets up guides on Draftroom the way an organiser does it in the app, through the REST API and
 * nothing else: one co-creation session, one group per name (each group's guide is the document
 * to open), and per group one participant invite scoped to that group that can be used exactly
 * `peoplePerGuide` times. Then every person joins through their group's link, one POST each as
 * a browser does, and keeps the cookie that join set. Nobody gets a session any other way.
 *
 * Joining is not measured: scenarios call this before their measured window starts.
 */
export async function setUpGuidesAsOrganiser(
  organiser: ApiClient,
  names: string[],
  peoplePerGuide: number,
  log: (message: string) => void = () => {},
): Promise<GuidesSetup> {
  const started = performance.now();
  const session = await createCoCreationSession(organiser, `Bench: ${names[0] ?? 'guides'}`);
  const groups: Array<{ name: string; documentId: string; joinPath: string }> = [];
  for (const name of names) {
    // Capacity = the group's size, so the invite's uses and the group's seats agree.
    const group = await createGroup(organiser, session.id, name, {
      capacity: Math.max(1, peoplePerGuide),
    });
    const { joinPath } = await createInvite(
      organiser,
      'participant',
      { type: 'group', id: group.id },
      { maxUses: Math.max(1, peoplePerGuide), label: `${name} participants` },
    );
    groups.push({ name, documentId: group.guideId, joinPath });
  }

  const pending = groups.flatMap((group, guide) =>
    Array.from({ length: peoplePerGuide }, (_, slot) => ({ group, guide, slot })),
  );
  const people: Person[][] = groups.map(() => []);
  const worker = async () => {
    for (let next = pending.shift(); next; next = pending.shift()) {
      const name = `${next.group.name} · participant ${next.slot + 1}`;
      const member = await ApiClient.join(
        organiser.baseUrl,
        next.group.joinPath,
        sampleProfile({ displayName: name.slice(0, 80) }),
      );
      (people[next.guide] as Person[])[next.slot] = personOf(member, name);
    }
  };
  await Promise.all(Array.from({ length: joinConcurrency }, worker));
  const joined = names.length * peoplePerGuide;
  if (joined >= 100) {
    log(
      `  ${joined} people joined through ${names.length} invite link(s) in ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s (not measured)`,
    );
  }
  return {
    organiser: personOf(organiser, 'Organiser'),
    sessionId: session.id,
    guides: groups.map((group, guide) => ({
      name: group.name,
      documentId: group.documentId,
      people: people[guide] as Person[],
    })),
  };
}
