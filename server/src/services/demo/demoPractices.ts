import {
  parliamentKey,
  type PracticeContent,
  type PracticeStatus,
  type TemplateContent,
} from '@draftroom/shared';
import { randomId } from '../../lib/ids.ts';
import type { Repositories } from '../../persistence/index.ts';
import { checkedPracticeContent } from '../practices/practiceContent.ts';

/** Paragraphs of the guide's editor schema; Arabic ones carry `dir: rtl` as the editor writes them. */
const paragraphs = (dir: 'ltr' | 'rtl' | null, ...texts: string[]): TemplateContent => ({
  type: 'doc',
  content: texts.map((text) => ({
    type: 'paragraph',
    ...(dir ? { attrs: { dir } } : {}),
    content: [{ type: 'text', text }],
  })),
});

interface DemoPractice {
  status: PracticeStatus;
  public: boolean;
  content: PracticeContent;
}

/**
 * The demo's library (issue 17): practices of the demo's parliaments in the four languages,
 * most approved, one waiting for the organisers, some marked public; the library itself is not
 * published, so trying it starts from the organisers' side.
 */
const practices: DemoPractice[] = [
  {
    status: 'approved',
    public: true,
    content: {
      title: 'An open-data portal for bills and votes',
      parliament: 'National Assembly of Kenya',
      country: 'KE',
      audiences: ['digital-ict', 'parliamentary-websites'],
      topics: ['open-data', 'transparency'],
      summary:
        'Every bill, amendment and recorded vote is published as open data on the day it is tabled, with a documented API.',
      whatWasDone: paragraphs(
        null,
        'The ICT directorate and the Table Office agreed one identifier for each bill and published bills, amendments and votes as XML and JSON.',
        'A public API with bulk downloads replaced the PDF-only pages.',
      ),
      results: paragraphs(
        null,
        'Within a year, three civic groups and two newsrooms built bill trackers on the API; requests to the Table Office for documents fell by a third.',
      ),
      lessons: paragraphs(
        null,
        'Start with one document type and a stable identifier; publish the schema before the data.',
      ),
      contact: { name: 'Amina Odhiambo', email: 'ict@parliament.ke.example' },
      links: [{ label: 'Open data portal', url: 'https://data.parliament.ke.example' }],
      languages: ['en'],
    },
  },
  {
    status: 'approved',
    public: true,
    content: {
      title: 'Transcription assistée par l’IA des débats en séance',
      parliament: 'Assemblée nationale',
      country: 'FR',
      audiences: ['digital-ict', 'communications'],
      topics: ['artificial-intelligence', 'transparency'],
      summary:
        'Un système de reconnaissance vocale prépare le compte rendu, que les rédacteurs relisent et corrigent.',
      whatWasDone: paragraphs(
        null,
        'Le service des comptes rendus a entraîné un modèle de reconnaissance vocale sur dix ans de débats, puis l’a intégré à son outil de rédaction.',
      ),
      results: paragraphs(
        null,
        'Le compte rendu provisoire paraît désormais en moins de deux heures au lieu de six ; les rédacteurs consacrent leur temps à la vérification.',
      ),
      lessons: paragraphs(
        null,
        'Garder l’humain responsable du texte publié, et mesurer la qualité par orateur et par accent.',
      ),
      contact: { name: 'Claire Dubois', email: 'comptes-rendus@assemblee.fr.example' },
      links: [],
      languages: ['fr', 'en'],
    },
  },
  {
    status: 'approved',
    public: false,
    content: {
      title: 'Sesiones a distancia con votación telemática',
      parliament: 'Cámara de Diputados de Chile',
      country: 'CL',
      audiences: ['digital-ict'],
      topics: ['remote-sittings', 'cybersecurity'],
      summary:
        'La Cámara sesionó a distancia durante la pandemia con identificación reforzada y votación telemática.',
      whatWasDone: paragraphs(
        null,
        'Se reformó el reglamento en una semana y se adoptó una plataforma de videoconferencia con voto autenticado por doble factor.',
      ),
      results: paragraphs(
        null,
        'Ninguna sesión se suspendió; la participación en las votaciones superó el 95 %. La enseñanza principal fue la importancia del soporte técnico a cada diputado.',
      ),
      lessons: paragraphs(
        null,
        'Ensayar cada votación antes de la sesión real y mantener un canal telefónico de respaldo.',
      ),
      contact: { name: 'Tomás Herrera', email: 'tic@camara.cl.example' },
      links: [{ label: 'Reglamento', url: 'https://www.camara.cl.example/reglamento' }],
      languages: ['es'],
    },
  },
  {
    status: 'approved',
    public: true,
    content: {
      title: 'منصة العرائض الإلكترونية للمواطنين',
      parliament: 'Parliament of Jordan',
      country: 'JO',
      audiences: ['citizen-engagement', 'parliamentary-websites'],
      topics: ['citizen-participation'],
      summary: 'يقدّم المواطنون العرائض إلى المجلس عبر الإنترنت ويتابعون مسارها حتى الرد عليها.',
      whatWasDone: paragraphs(
        'rtl',
        'أنشأت الأمانة العامة منصة للعرائض مرتبطة بسجل اللجان، مع التحقق من هوية مقدّمي العرائض.',
      ),
      results: paragraphs(
        'rtl',
        'استقبل المجلس أكثر من ثلاثمائة عريضة في السنة الأولى، وأحيلت عشرون منها إلى اللجان المختصة.',
      ),
      lessons: paragraphs(
        'rtl',
        'الرد على كل عريضة في موعد معلن يبني الثقة أكثر من عدد العرائض المقبولة.',
      ),
      contact: { name: 'Layla Haddad', email: 'petitions@parliament.jo.example' },
      links: [],
      languages: ['ar'],
    },
  },
  {
    status: 'approved',
    public: false,
    content: {
      title: 'Accessible committee webcasts with live captions',
      parliament: 'Parliament of Finland',
      country: 'FI',
      audiences: ['communications', 'parliamentary-websites'],
      topics: ['accessibility'],
      summary: 'Every committee hearing is webcast with live captions in Finnish and Swedish.',
      whatWasDone: paragraphs(
        null,
        'Captioners work remotely on the webcast feed; recordings keep the corrected captions.',
      ),
      results: paragraphs(
        null,
        'Viewers of hearings doubled; complaints about access fell to none.',
      ),
      lessons: paragraphs(null, 'Budget for corrections after the sitting, not only live work.'),
      contact: null,
      links: [],
      languages: ['en'],
    },
  },
  {
    status: 'submitted',
    public: false,
    content: {
      title: 'A cybersecurity drill for members’ offices',
      parliament: 'Lok Sabha',
      country: 'IN',
      audiences: ['digital-ict'],
      topics: ['cybersecurity', 'capacity-building'],
      summary: 'A yearly phishing and incident drill for members and their staff.',
      whatWasDone: paragraphs(null, 'The IT wing ran simulated phishing and a tabletop exercise.'),
      results: paragraphs(null, 'Reported phishing rose fourfold; clicks on test emails halved.'),
      lessons: paragraphs(null, 'Train staff first: they handle most of the email.'),
      contact: { name: 'Rahul Mehta', email: 'it@loksabha.in.example' },
      links: [],
      languages: ['en'],
    },
  },
];

/** Writes the demo's practices, each with its versions (submitted, then approved when it is). */
export async function seedDemoPractices(repos: Repositories, eventId: string): Promise<void> {
  for (const [index, demo] of practices.entries()) {
    const submittedAt = new Date(Date.UTC(2021, 5, 10, 9, index)).toISOString();
    const approvedAt = new Date(Date.UTC(2021, 5, 14, 9, index)).toISOString();
    const approved = demo.status === 'approved';
    // Through the same checks as a person's save (and stored as they store it).
    const { parliament, country, ...input } = demo.content;
    const content = checkedPracticeContent(input, { parliament, country });
    const record = {
      id: randomId(),
      eventId,
      status: demo.status,
      revision: approved ? 2 : 1,
      parliamentKey: parliamentKey(parliament, country),
      content,
      public: demo.public,
      mergedInto: null,
      reviewNote: null,
      submittedBy: null,
      createdAt: submittedAt,
      updatedAt: approved ? approvedAt : submittedAt,
    };
    await repos.practices.insert(record);
    const version = { practiceId: record.id, content, byPerson: null, note: null };
    await repos.practices.insertVersion({
      ...version,
      revision: 1,
      kind: 'submitted',
      createdAt: submittedAt,
    });
    if (approved) {
      await repos.practices.insertVersion({
        ...version,
        revision: 2,
        kind: 'approved',
        createdAt: approvedAt,
      });
    }
  }
}
