import type { LanguageCode } from '@draftroom/shared';
import { invitationLabels } from './invitationLabels.ts';

export interface InvitationFacts {
  eventName: string;
  personName: string;
  /** The absolute sign-in link (minted for this very message). */
  link: string;
  /** When the link stops working (ISO). */
  expiresAt: string;
  /** The organisers' address, when the event has one. */
  contactEmail: string | null;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** First Strong Isolate … Pop Directional Isolate: a Latin name stays whole in Arabic text. */
const isolate = (value: string): string => `\u2068${value}\u2069`;

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

/** A subject is one line, whatever a name holds. */
const oneLine = (value: string): string => value.replace(/[\r\n\t]+/g, ' ').trim();

/**
 * The email that brings an approved delegate in: subject, plain text and HTML, in their
 * language. Every value from the database is escaped in the HTML part and isolated (bidi) in
 * Arabic; the link sits on a line of its own so mail programs recognise it.
 */
export function renderInvitation(language: LanguageCode, facts: InvitationFacts): RenderedMail {
  const labels = invitationLabels[language];
  const rtl = language === 'ar';
  const date = new Intl.DateTimeFormat(language, {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(facts.expiresAt));
  const raw = {
    event: oneLine(facts.eventName),
    name: oneLine(facts.personName),
    date,
    email: facts.contactEmail ?? '',
  };
  const plainValues = rtl
    ? Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, isolate(value)]))
    : raw;
  const htmlValues = Object.fromEntries(
    Object.entries(raw).map(([key, value]) => [key, `<bdi>${escapeHtml(value)}</bdi>`]),
  );
  const closing = facts.contactEmail ? labels.contact : labels.noContact;

  const subject = fill(labels.subject, raw);
  const text = [
    fill(labels.greeting, plainValues),
    '',
    fill(labels.intro, plainValues),
    '',
    facts.link,
    '',
    fill(labels.expiry, plainValues),
    '',
    fill(closing, plainValues),
    '',
    fill(labels.signature, plainValues),
    '',
  ].join('\n');

  const link = escapeHtml(facts.link);
  const contactHtml = facts.contactEmail
    ? fill(labels.contact, {
        ...htmlValues,
        email: `<a href="mailto:${escapeHtml(facts.contactEmail)}" dir="ltr">${escapeHtml(facts.contactEmail)}</a>`,
      })
    : labels.noContact;
  const paragraph = 'margin:0 0 16px;line-height:1.5';
  const html = `<!doctype html>
<html lang="${language}" dir="${rtl ? 'rtl' : 'ltr'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#ffffff;color:#1a1a1a;font-family:system-ui,-apple-system,'Segoe UI',Tahoma,Arial,sans-serif;font-size:16px">
<div style="max-width:560px">
<p style="${paragraph}">${fill(labels.greeting, htmlValues)}</p>
<p style="${paragraph}">${fill(labels.intro, htmlValues)}</p>
<p style="margin:0 0 24px"><a href="${link}" style="display:inline-block;padding:12px 20px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">${escapeHtml(labels.button)}</a></p>
<p style="${paragraph}">${escapeHtml(labels.copyLink)}<br><a href="${link}" dir="ltr" style="color:#1d4ed8;word-break:break-all">${link}</a></p>
<p style="${paragraph}">${fill(labels.expiry, htmlValues)}</p>
<p style="${paragraph}">${contactHtml}</p>
<p style="${paragraph}">${fill(labels.signature, htmlValues)}</p>
</div>
</body>
</html>
`;
  return { subject, text, html };
}
