// The invitation email's words and markup, without SMTP: every language complete and really
// translated, Arabic right to left, every value escaped in the HTML, errors free of secrets.
import { describe, expect, it } from 'vitest';
import { invitationLabels } from './invitationLabels.ts';
import { renderInvitation, type InvitationFacts } from './invitationMessage.ts';
import { shortSendError } from './smtpTransport.ts';
import { retryDelay } from './mailService.ts';

const facts: InvitationFacts = {
  eventName: 'World e-Parliament <Conference> & "Friends"',
  personName: "Amina <img src=x onerror=alert(1)> O'Neil",
  link: 'https://draftroom.example.org/join/abc_DEF-123',
  expiresAt: '2026-03-12T10:00:00.000Z',
  contactEmail: 'secretariat@ipu.test',
};

describe('the invitation email', () => {
  it('has every sentence in every language, none left in English', () => {
    const english = invitationLabels.en;
    for (const language of ['fr', 'es', 'ar'] as const) {
      const labels = invitationLabels[language];
      expect(Object.keys(labels).sort()).toEqual(Object.keys(english).sort());
      for (const key of Object.keys(english) as Array<keyof typeof english>) {
        expect(labels[key], `${language}.${key}`).not.toBe(english[key]);
        // The same placeholders, so no value is lost in one language.
        const placeholders = (text: string) => (text.match(/\{\{\w+\}\}/g) ?? []).sort();
        expect(placeholders(labels[key]), `${language}.${key}`).toEqual(placeholders(english[key]));
      }
    }
  });

  it('escapes every value in the HTML and keeps the text whole', () => {
    const mail = renderInvitation('en', facts);
    expect(mail.html).not.toContain('<img');
    expect(mail.html).not.toContain('<Conference>');
    expect(mail.html).toContain('Amina &#60;img src=x onerror=alert(1)&#62; O&#39;Neil');
    expect(mail.html).toContain('&#60;Conference&#62; &#38; &#34;Friends&#34;');
    expect(mail.text).toContain("Dear Amina <img src=x onerror=alert(1)> O'Neil,");
    expect(mail.subject).toBe('Your sign-in link for World e-Parliament <Conference> & "Friends"');
    expect(mail.text).toContain('until March 12, 2026');
    expect(mail.text).toContain(`\n${facts.link}\n`);
    expect(mail.html).toContain('href="mailto:secretariat@ipu.test"');
  });

  it('writes Arabic right to left, with Latin names isolated and the link left to right', () => {
    const mail = renderInvitation('ar', { ...facts, personName: 'Layla Haddad' });
    expect(mail.html).toMatch(/^<!doctype html>\n<html lang="ar" dir="rtl">/);
    expect(mail.html).toContain('<bdi>Layla Haddad</bdi>');
    expect(mail.html).toContain(
      `dir="ltr" style="color:#1d4ed8;word-break:break-all">${facts.link}`,
    );
    expect(mail.text).toContain('\u2068Layla Haddad\u2069');
    expect(mail.text).toContain(`\n${facts.link}\n`);
    expect(mail.subject.startsWith('رابط الدخول')).toBe(true);
  });

  it('keeps a subject on one line whatever the event is called', () => {
    const mail = renderInvitation('fr', { ...facts, eventName: 'Event\r\nBcc: x@evil.test' });
    expect(mail.subject).toBe('Votre lien de connexion pour Event Bcc: x@evil.test');
  });

  it('without a contact address, says to ask the organisers', () => {
    const mail = renderInvitation('es', { ...facts, contactEmail: null });
    expect(mail.text).toContain(invitationLabels.es.noContact);
    expect(mail.html).not.toContain('mailto:');
  });
});

describe('sending', () => {
  it('reports the SMTP reply, else the network error, never a credential, on one short line', () => {
    expect(shortSendError({ response: '550 5.1.1 No such user', message: 'long' }, ['pw'])).toBe(
      '550 5.1.1 No such user',
    );
    expect(shortSendError(new Error('connect ECONNREFUSED 127.0.0.1:2525'), [])).toBe(
      'connect ECONNREFUSED 127.0.0.1:2525',
    );
    expect(
      shortSendError(new Error('Invalid login for mailer:s3cret\nat line two'), [
        'mailer',
        's3cret',
      ]),
    ).toBe('Invalid login for ***:*** at line two');
    expect(shortSendError(new Error('x'.repeat(1000)), []).length).toBe(300);
  });

  it('waits twice as long after each failure, up to 30 minutes', () => {
    expect([1, 2, 3, 4].map((attempts) => retryDelay(attempts, 30_000))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
    expect(retryDelay(7, 30_000)).toBe(30 * 60 * 1000);
    expect(retryDelay(500, 30_000)).toBe(30 * 60 * 1000);
  });
});
