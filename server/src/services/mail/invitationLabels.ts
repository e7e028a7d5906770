import type { LanguageCode } from '@draftroom/shared';

/**
 * The words of the sign-in email an approved delegate receives, in their language. Emails have
 * no i18next instance and print no count, so no plural rule is needed; the date goes through
 * Intl. `{{event}}`, `{{name}}`, `{{date}}` and `{{email}}` are filled in (and escaped for the
 * HTML part) by `invitationMessage.ts`.
 */
export interface InvitationLabels {
  subject: string;
  greeting: string;
  /** Ends with a colon: the button (or the link) follows. */
  intro: string;
  button: string;
  /** Before the bare link, for mail programs that show no button. */
  copyLink: string;
  expiry: string;
  contact: string;
  /** When the event has no contact email. */
  noContact: string;
  signature: string;
}

export const invitationLabels: Record<LanguageCode, InvitationLabels> = {
  en: {
    subject: 'Your sign-in link for {{event}}',
    greeting: 'Dear {{name}},',
    intro:
      'Your registration for {{event}} has been approved. Your personal link signs you in to Draftroom, where the conference’s guides are written together:',
    button: 'Sign in to Draftroom',
    copyLink: 'If the button does not work, copy this link into your browser:',
    expiry: 'The link works once, until {{date}}. Please do not forward it: it signs in as you.',
    contact: 'Questions? Write to the organisers at {{email}}.',
    noContact: 'If the link has expired or was already used, ask the organisers for a new one.',
    signature: 'The organisers of {{event}}',
  },
  fr: {
    subject: 'Votre lien de connexion pour {{event}}',
    greeting: 'Bonjour {{name}},',
    intro:
      'Votre inscription à {{event}} a été approuvée. Votre lien personnel vous connecte à Draftroom, où les guides de la conférence sont rédigés ensemble\u00a0:',
    button: 'Se connecter à Draftroom',
    copyLink: 'Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur\u00a0:',
    expiry:
      'Ce lien ne sert qu’une fois, jusqu’au {{date}}. Ne le transférez pas\u00a0: il vous connecte en votre nom.',
    contact: 'Une question\u00a0? Écrivez aux organisateurs à {{email}}.',
    noContact: 'Si le lien a expiré ou a déjà servi, demandez-en un nouveau aux organisateurs.',
    signature: 'Les organisateurs de {{event}}',
  },
  es: {
    subject: 'Su enlace de acceso para {{event}}',
    greeting: 'Estimado/a {{name}}:',
    intro:
      'Su inscripción en {{event}} ha sido aprobada. Su enlace personal le da acceso a Draftroom, donde se redactan en común las guías de la conferencia:',
    button: 'Acceder a Draftroom',
    copyLink: 'Si el botón no funciona, copie este enlace en su navegador:',
    expiry:
      'El enlace funciona una sola vez, hasta el {{date}}. No lo reenvíe: da acceso en su nombre.',
    contact: '¿Alguna pregunta? Escriba a los organizadores a {{email}}.',
    noContact: 'Si el enlace ha caducado o ya se ha usado, pida uno nuevo a los organizadores.',
    signature: 'Los organizadores de {{event}}',
  },
  ar: {
    subject: 'رابط الدخول الخاص بك إلى {{event}}',
    greeting: 'السيد/السيدة {{name}}،',
    intro:
      'تمت الموافقة على تسجيلك في {{event}}. يتيح لك رابطك الشخصي الدخول إلى Draftroom، حيث تُكتب أدلة المؤتمر بشكل مشترك:',
    button: 'الدخول إلى Draftroom',
    copyLink: 'إذا لم يعمل الزر، فانسخ هذا الرابط في متصفحك:',
    expiry: 'يعمل هذا الرابط مرة واحدة فقط، حتى {{date}}. يُرجى عدم إعادة توجيهه: فهو يُدخلك باسمك.',
    contact: 'هل لديك أسئلة؟ راسل المنظمين على {{email}}.',
    noContact: 'إذا انتهت صلاحية الرابط أو سبق استخدامه، فاطلب رابطًا جديدًا من المنظمين.',
    signature: 'منظمو {{event}}',
  },
};
