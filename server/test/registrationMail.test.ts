// Issue 16's "SMTP down during approval": the organiser approves delegates through the API while
// the mail relay is down; the outbox keeps their sign-in emails (each delegate's status shows
// retrying, with the reason), and sends them once SMTP is back, in each delegate's language,
// with a link that signs in exactly that delegate. Real SMTP (smtp-server), read by mailparser.
import { afterEach, describe, expect, it } from 'vitest';
import {
  apiPath,
  registrationOverviewSchema,
  type DecidedDelegates,
  type Delegate,
  type Me,
  type RegistrationOverview,
} from '@draftroom/shared';
import { ApiClient } from '../testing/index.ts';
import {
  linkIn,
  startMailWorld,
  startSmtpCapture,
  type MailWorld,
} from './helpers/mailFixtures.ts';
import {
  delegate,
  inviteParliament,
  openRegistration,
  saveDelegation,
} from './helpers/registrationFixtures.ts';
import { waitFor } from './helpers/waitFor.ts';

let world: MailWorld | undefined;
afterEach(async () => {
  await world?.cleanup();
  world = undefined;
});

async function delegatesOf(w: MailWorld): Promise<Delegate[]> {
  const overview = registrationOverviewSchema.parse(
    await w.organiser.expect<RegistrationOverview>(200, 'GET', apiPath('registrationOverview')),
  );
  return overview.delegations.flatMap((delegation) => delegation.delegates);
}

describe('approving while SMTP is down', { timeout: 60_000 }, () => {
  it('keeps the sign-in emails in the outbox, shows them retrying, and sends them when SMTP is back', async () => {
    const smtp = await startSmtpCapture({ down: true });
    world = await startMailWorld(smtp);
    const w = world;
    const overview = await w.organiser.expect<RegistrationOverview>(
      200,
      'GET',
      apiPath('registrationOverview'),
    );
    expect(overview.mailConfigured).toBe(true);

    await openRegistration(w.organiser);
    const invited = await inviteParliament(w.organiser, {
      parliament: 'Congreso de los Diputados',
      country: 'ES',
    });
    const form = await saveDelegation(w.logged.url, invited.token, [
      delegate('lucia@congreso.example', {
        name: 'Lucía Pérez',
        preferredLanguage: 'es',
        workingLanguages: ['es', 'en'],
      }),
      delegate('samir@congreso.example', {
        name: 'سمير العلوي',
        preferredLanguage: 'ar',
        workingLanguages: ['ar', 'fr'],
      }),
      delegate('declined@congreso.example', { name: 'Not This Time' }),
    ]);
    const [lucia, samir, other] = form.delegates;
    if (!lucia || !samir || !other) throw new Error('three delegates were saved');

    const approved = await w.organiser.expect<DecidedDelegates>(
      200,
      'POST',
      apiPath('decideDelegates'),
      { delegateIds: [lucia.id, samir.id], decision: 'approve' },
    );
    expect(approved.delegates.map((one) => one.status)).toEqual(['approved', 'approved']);
    await w.organiser.expect(200, 'POST', apiPath('decideDelegates'), {
      delegateIds: [other.id],
      decision: 'decline',
    });

    // SMTP is down: both emails wait, each tried and failed at least once, with the reason.
    const waiting = await waitFor(
      async () => {
        const now = await delegatesOf(w);
        const mails = [lucia.id, samir.id].map((id) => now.find((one) => one.id === id)?.mail);
        if (!mails.every((mail) => mail?.status === 'retrying' && mail.attempts >= 1)) {
          throw new Error(`not retrying yet: ${JSON.stringify(mails)}`);
        }
        return now;
      },
      20_000,
      50,
    );
    for (const id of [lucia.id, samir.id]) {
      const mail = waiting.find((one) => one.id === id)?.mail;
      expect(mail?.lastError).toContain('ECONNREFUSED');
      expect(mail?.sentAt).toBeNull();
    }
    // The declined delegate was never queued.
    expect(waiting.find((one) => one.id === other.id)?.mail).toBeNull();
    expect(smtp.messages).toHaveLength(0);

    await smtp.start();
    const arrived = await smtp.waitForMessages(2, 20_000);
    expect(arrived.map((mail) => mail.to[0]).sort()).toEqual([
      'lucia@congreso.example',
      'samir@congreso.example',
    ]);
    const toLucia = arrived.find((mail) => mail.to[0] === 'lucia@congreso.example');
    const toSamir = arrived.find((mail) => mail.to[0] === 'samir@congreso.example');
    expect(toLucia?.html).toContain('lang="es"');
    expect(toSamir?.html).toContain('dir="rtl"');
    expect(toSamir?.text).toContain('سمير العلوي');

    // Each link signs in the person that delegate became, and no one else.
    const people = new Map((await delegatesOf(w)).map((one) => [one.email, one.personId]));
    for (const mail of [toLucia, toSamir]) {
      if (!mail) throw new Error('both emails arrived');
      const signedIn = await ApiClient.join(w.logged.url, linkIn(mail.text));
      const me = await signedIn.expect<Me>(200, 'GET', apiPath('me'));
      expect(me.person.id).toBe(people.get(mail.to[0] ?? ''));
      expect(me.person.role).toBe('participant');
    }

    const sent = await waitFor(
      async () => {
        const now = await delegatesOf(w);
        const statuses = [lucia.id, samir.id].map(
          (id) => now.find((one) => one.id === id)?.mail?.status,
        );
        if (!statuses.every((status) => status === 'sent')) {
          throw new Error(`not all sent yet: ${statuses.join(', ')}`);
        }
        return now;
      },
      10_000,
      50,
    );
    expect(sent.find((one) => one.id === lucia.id)?.mail?.lastError).toBeNull();
    // Nothing more is sent: the outbox sends each message once.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.messages).toHaveLength(2);
  });
});
