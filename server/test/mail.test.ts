// Sign-in emails (issue 16): an approved delegate's invitation goes through a real SMTP server
// (smtp-server on 127.0.0.1, read back by mailparser), in their language, with a link that signs
// them in; the outbox keeps it while SMTP is down or refuses, and never sends one twice.
import { afterEach, describe, expect, it } from 'vitest';
import { apiPath, type Me } from '@draftroom/shared';
import { openPersistence, type Persistence } from '../src/persistence/index.ts';
import { createServer, type Socket } from 'node:net';
import { pino } from 'pino';
import { MailService } from '../src/services/mail/mailService.ts';
import { smtpTransport } from '../src/services/mail/smtpTransport.ts';
import { ApiClient } from '../testing/index.ts';
import {
  executeSql,
  importPerson,
  insertDelegate,
  linkIn,
  startMailWorld,
  startSmtpCapture,
  type MailWorld,
} from './helpers/mailFixtures.ts';
import { waitFor } from './helpers/waitFor.ts';

let world: MailWorld | undefined;
const extra: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of extra.splice(0)) await stop();
  await world?.cleanup();
  world = undefined;
});

async function approvedDelegate(
  w: MailWorld,
  person: { name: string; email: string; language: 'en' | 'fr' | 'es' | 'ar' },
  status = 'approved',
) {
  const personId = await importPerson(w.organiser, person);
  const delegateId = await insertDelegate(w.logged.databaseUrl, {
    eventId: w.eventId,
    personId,
    email: person.email,
    status,
  });
  return { personId, delegateId };
}

/** What the approval does inside its transaction, then after commit. */
async function enqueueInvitation(
  w: MailWorld,
  who: { personId: string; delegateId: string },
  recipient: string,
  language: 'en' | 'fr' | 'es' | 'ar',
): Promise<string> {
  const id = await w.logged.server.persistence.repositories.mailOutbox.enqueue({
    kind: 'delegate-invitation',
    eventId: w.eventId,
    recipient,
    language,
    personId: who.personId,
    delegateId: who.delegateId,
  });
  w.logged.server.mail.kick();
  return id;
}

const outboxRow = (w: MailWorld, id: string) =>
  w.logged.server.persistence.repositories.mailOutbox.get(id);

describe('sign-in emails', { timeout: 60_000 }, () => {
  it('arrive in the delegate’s language (Arabic, French), and their link signs that person in once', async () => {
    world = await startMailWorld(await startSmtpCapture());
    expect(world.logged.server.mail.configured).toBe(true);
    await executeSql(world.logged.databaseUrl, 'UPDATE events SET contact_email = ? WHERE id = ?', [
      'secretariat@ipu.test',
      world.eventId,
    ]);
    const layla = await approvedDelegate(world, {
      name: 'Layla Haddad',
      email: 'layla@parliament.test',
      language: 'ar',
    });
    const claire = await approvedDelegate(world, {
      name: 'Claire Martin',
      email: 'claire@parliament.test',
      language: 'fr',
    });
    const laylaMessage = await enqueueInvitation(world, layla, 'layla@parliament.test', 'ar');
    const claireMessage = await enqueueInvitation(world, claire, 'claire@parliament.test', 'fr');
    const mails = await world.smtp.waitForMessages(2);
    const toLayla = mails.find((mail) => mail.to.includes('layla@parliament.test'));
    const toClaire = mails.find((mail) => mail.to.includes('claire@parliament.test'));
    if (!toLayla || !toClaire) throw new Error('an invitation is missing');

    expect(toLayla.from).toBe('noreply@draftroom.test');
    expect(toLayla.subject).toMatch(/^رابط الدخول الخاص بك إلى /);
    expect(toLayla.html).toContain('<html lang="ar" dir="rtl">');
    expect(toLayla.text).toContain('Layla Haddad');
    expect(toLayla.text).toContain('secretariat@ipu.test');
    expect(toLayla.parsed.headers.get('content-language')).toBe('ar');
    expect(toClaire.subject).toMatch(/^Votre lien de connexion pour /);
    expect(toClaire.html).toContain('<html lang="fr" dir="ltr">');
    expect(toClaire.text).toContain('Bonjour Claire Martin,');
    expect(toClaire.text).toMatch(/jusqu’au \d{1,2} \S+ \d{4}/);

    for (const [mail, who] of [
      [toLayla, layla],
      [toClaire, claire],
    ] as const) {
      const link = linkIn(mail.text);
      expect(link.startsWith(`${world.logged.url}/join/`)).toBe(true);
      expect(mail.html).toContain(`href="${link}"`);
      const signedIn = await ApiClient.join(world.logged.url, link);
      const me = await signedIn.expect<Me>(200, 'GET', apiPath('me'));
      expect(me.person.id).toBe(who.personId);
      // Single use: the same link does not sign anyone in again.
      await expect(ApiClient.join(world.logged.url, link)).rejects.toThrow(/joining failed/);
    }
    for (const id of [laylaMessage, claireMessage]) {
      expect(await outboxRow(world, id)).toMatchObject({
        status: 'sent',
        attempts: 1,
        lastError: null,
      });
    }
    // No usable token waits in the outbox: the row never held the link.
    const stored = JSON.stringify(await outboxRow(world, laylaMessage));
    expect(stored).not.toContain(linkIn(toLayla.text).split('/join/')[1]);
  });

  it('SMTP down: the message stays pending with its attempts and error, then goes when SMTP is back', async () => {
    const smtp = await startSmtpCapture({ down: true });
    world = await startMailWorld(smtp);
    const amina = await approvedDelegate(world, {
      name: 'Amina Diallo',
      email: 'amina@parliament.test',
      language: 'es',
    });
    const repos = world.logged.server.persistence.repositories;
    const invitesBefore = (await repos.invites.listByEvent(world.eventId)).filter(
      (invite) => invite.personId === amina.personId,
    ).length;
    const id = await enqueueInvitation(world, amina, 'amina@parliament.test', 'es');
    const w = world;
    await waitFor(async () => {
      const row = await outboxRow(w, id);
      expect(row?.status).toBe('pending');
      expect(row?.attempts).toBeGreaterThanOrEqual(2);
      expect(row?.lastError).toBe(`connect ECONNREFUSED 127.0.0.1:${smtp.port}`);
    });
    expect(smtp.messages).toHaveLength(0);
    // Each failed attempt's link was deleted: nobody ever saw it.
    const invitesWhileDown = (await repos.invites.listByEvent(world.eventId)).filter(
      (invite) => invite.personId === amina.personId,
    ).length;
    expect(invitesWhileDown).toBe(invitesBefore);

    await smtp.start();
    const [mail] = await smtp.waitForMessages(1, 15_000);
    expect(mail?.to).toEqual(['amina@parliament.test']);
    expect(mail?.subject).toMatch(/^Su enlace de acceso para /);
    await waitFor(async () => expect((await outboxRow(w, id))?.status).toBe('sent'));
    const signedIn = await ApiClient.join(w.logged.url, linkIn(mail?.text ?? ''));
    expect((await signedIn.expect<Me>(200, 'GET', apiPath('me'))).person.id).toBe(amina.personId);
    expect(world.logged.errors()).toEqual([]);
  });

  it('an SMTP server that refuses: retrying, with its reply as the error; sent once it accepts', async () => {
    const smtp = await startSmtpCapture();
    smtp.rejectRecipients({ code: 550, message: 'Mailbox unavailable here' });
    world = await startMailWorld(smtp);
    const omar = await approvedDelegate(world, {
      name: 'Omar Benali',
      email: 'omar@parliament.test',
      language: 'en',
    });
    const id = await enqueueInvitation(world, omar, 'omar@parliament.test', 'en');
    const w = world;
    await waitFor(async () => {
      const row = await outboxRow(w, id);
      expect(row?.status).toBe('pending');
      expect(row?.attempts).toBeGreaterThanOrEqual(1);
      expect(row?.lastError).toBe('550 Mailbox unavailable here');
    });
    smtp.rejectRecipients(null);
    await smtp.waitForMessages(1, 15_000);
    await waitFor(async () => expect((await outboxRow(w, id))?.status).toBe('sent'));
  });

  it('gives up after MAIL_GIVE_UP_HOURS: the message is failed, not retried', async () => {
    const smtp = await startSmtpCapture({ down: true });
    // 0.0005 h = 1.8 s.
    world = await startMailWorld(smtp, { MAIL_GIVE_UP_HOURS: '0.0005' });
    const sara = await approvedDelegate(world, {
      name: 'Sara Lopez',
      email: 'sara@parliament.test',
      language: 'es',
    });
    const id = await enqueueInvitation(world, sara, 'sara@parliament.test', 'es');
    const w = world;
    await waitFor(async () => expect((await outboxRow(w, id))?.status).toBe('failed'), 10_000);
    const failed = await outboxRow(w, id);
    await smtp.start();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.messages).toHaveLength(0);
    expect((await outboxRow(w, id))?.attempts).toBe(failed?.attempts);
  });

  it('a delegate declined after approval is not sent their link: the message is cancelled', async () => {
    world = await startMailWorld(await startSmtpCapture());
    const declined = await approvedDelegate(
      world,
      { name: 'Jon Berg', email: 'jon@parliament.test', language: 'en' },
      'declined',
    );
    const approved = await approvedDelegate(world, {
      name: 'Ana Silva',
      email: 'ana@parliament.test',
      language: 'es',
    });
    const declinedId = await enqueueInvitation(world, declined, 'jon@parliament.test', 'en');
    await enqueueInvitation(world, approved, 'ana@parliament.test', 'es');
    await world.smtp.waitForMessages(1);
    const w = world;
    await waitFor(async () => expect((await outboxRow(w, declinedId))?.status).toBe('cancelled'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(world.smtp.messages.map((mail) => mail.to)).toEqual([['ana@parliament.test']]);
  });

  it('never writes the SMTP password to the log, whether sending works or not', async () => {
    const password = 'pw-Zx81-never-logged';
    const smtp = await startSmtpCapture({ auth: { user: 'mailer', pass: password } });
    world = await startMailWorld(smtp);
    const kofi = await approvedDelegate(world, {
      name: 'Kofi Mensah',
      email: 'kofi@parliament.test',
      language: 'en',
    });
    await enqueueInvitation(world, kofi, 'kofi@parliament.test', 'en');
    await smtp.waitForMessages(1);
    await smtp.stop();
    const again = await approvedDelegate(world, {
      name: 'Kofi Again',
      email: 'kofi2@parliament.test',
      language: 'fr',
    });
    const id = await enqueueInvitation(world, again, 'kofi2@parliament.test', 'fr');
    const w = world;
    await waitFor(async () => expect((await outboxRow(w, id))?.attempts).toBeGreaterThan(0));
    const log = JSON.stringify(world.logged.logs);
    expect(log).toContain(`127.0.0.1:${smtp.port}`);
    expect(log).toContain('mail: sent');
    expect(log).toContain('mail: not sent, will retry');
    expect(log).not.toContain(password);
    expect(JSON.stringify(await outboxRow(w, id))).not.toContain(password);
  });

  it('wrong SMTP credentials: the 535 reply is kept, the password is not', async () => {
    const smtp = await startSmtpCapture({ auth: { user: 'mailer', pass: 'right-one' } });
    const wrong = 'wrong-Pass-77';
    world = await startMailWorld(smtp, {
      SMTP_URL: `smtp://mailer:${wrong}@127.0.0.1:${smtp.port}`,
    });
    const who = await approvedDelegate(world, {
      name: 'Nadia Karim',
      email: 'nadia@parliament.test',
      language: 'ar',
    });
    const id = await enqueueInvitation(world, who, 'nadia@parliament.test', 'ar');
    const w = world;
    await waitFor(async () => expect((await outboxRow(w, id))?.lastError).toMatch(/^535 /));
    expect(JSON.stringify(world.logged.logs)).not.toContain(wrong);
    expect(JSON.stringify(await outboxRow(w, id))).not.toContain(wrong);
  });

  it('two senders over one database never send a message twice', async () => {
    const smtp = await startSmtpCapture();
    world = await startMailWorld(smtp);
    const w = world;
    const people: Array<{ email: string; personId: string; delegateId: string }> = [];
    for (let index = 0; index < 12; index++) {
      const email = `delegate${index}@parliament.test`;
      people.push({
        email,
        ...(await approvedDelegate(w, { name: `Delegate ${index}`, email, language: 'en' })),
      });
    }
    const secondLog: string[] = [];
    // A second sender with its own connection to the same database, as another instance has.
    const secondStore: Persistence = await openPersistence(w.logged.databaseUrl);
    const second = new MailService({
      repositories: secondStore.repositories,
      transport: smtpTransport(smtp.url, 'noreply@draftroom.test'),
      baseUrl: () => w.logged.url,
      retryMs: 100,
      giveUpMs: 60_000,
      pollMs: 100,
      log: pino({ level: 'info' }, { write: (line: string) => void secondLog.push(line) }),
      batchSize: 3,
    });
    extra.push(async () => {
      await second.stop();
      await secondStore.close();
    });
    await w.logged.server.persistence.transaction(async (repos) => {
      for (const person of people) {
        await repos.mailOutbox.enqueue({
          kind: 'delegate-invitation',
          eventId: w.eventId,
          recipient: person.email,
          language: 'en',
          personId: person.personId,
          delegateId: person.delegateId,
        });
      }
    });
    second.start();
    w.logged.server.mail.kick();
    await smtp.waitForMessages(12);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const recipients = smtp.messages.flatMap((mail) => mail.to);
    expect(recipients).toHaveLength(12);
    expect(new Set(recipients).size).toBe(12);
    // Between them each message went once (both raced for the same twelve).
    const sentHere = w.logged.logs.filter((entry) => entry.msg === 'mail: sent').length;
    const sentThere = secondLog.filter((line) => line.includes('"mail: sent"')).length;
    expect(sentHere + sentThere).toBe(12);
  });

  it('a hung SMTP server (accepts, never greets) fails the attempt within its timeout', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    extra.push(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`, 'noreply@draftroom.test', {
      // Only the greeting's bound is short, so it is the one that ends the attempt.
      connectionTimeout: 5_000,
      greetingTimeout: 300,
      socketTimeout: 5_000,
      dnsTimeout: 5_000,
    });
    const started = Date.now();
    await expect(
      transport.send({ to: 'a@b.test', subject: 's', text: 't', html: '<p>t</p>', language: 'en' }),
    ).rejects.toThrow(/greeting never received/i);
    expect(Date.now() - started).toBeLessThan(3_000);
    transport.close();
  });
});
