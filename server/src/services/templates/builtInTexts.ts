import type { LanguageCode } from '@draftroom/shared';

/**
 * The words of the built-in practical-guide template, in every interface language. Headings are
 * what readers compare across groups; the prompts under them are what a group replaces with its
 * own text.
 */
export interface PracticalGuideTexts {
  name: string;
  title: string;
  howTo: string;
  purpose: [heading: string, prompt: string];
  context: [heading: string, prompt: string];
  goodPractices: [heading: string, prompt: string];
  /** The columns of the good-practices table: the practice, its parliament, why it worked. */
  practiceColumns: [practice: string, parliament: string, whyItWorked: string];
  steps: [heading: string, prompt: string, steps: string[]];
  checklist: [heading: string, prompt: string, items: string[]];
  pitfalls: [heading: string, prompt: string];
  resources: [heading: string, prompt: string];
  contributors: [heading: string, prompt: string];
}

export const practicalGuideTexts: Record<LanguageCode, PracticalGuideTexts> = {
  en: {
    name: 'Practical guide',
    title: 'Title of your practical guide',
    howTo:
      'Replace the prompt under each heading with your group’s own text. Keep the headings: they let readers compare the guides of every group.',
    purpose: [
      'Purpose',
      'What problem does this guide help a parliament solve, and who is it for: members, secretariat staff, ICT teams?',
    ],
    context: [
      'Context',
      'Where does the question arise? Describe the situation in a few sentences: the institutional setting, the constraints, and what has changed recently.',
    ],
    goodPractices: [
      'Good practices',
      'For each practice, name the parliament it comes from, so that readers know whom to ask.',
    ],
    practiceColumns: ['Practice', 'Parliament', 'What made it work'],
    steps: [
      'Step by step',
      'The steps a parliament would follow, in order.',
      [
        'Prepare: what is needed, and who prepares it.',
        'Decide: who decides, and on what basis.',
        'Put in place: who does what, and by when.',
        'Review: how results are measured and shared.',
      ],
    ],
    checklist: [
      'Checklist',
      'What to check before starting.',
      [
        'The rules of procedure allow it.',
        'Someone is responsible for it, by name or by post.',
        'The budget and the staff are known.',
        'Members and staff have been trained.',
        'It works in every working language and for people with disabilities.',
      ],
    ],
    pitfalls: ['Pitfalls to avoid', 'What went wrong elsewhere, and how it can be avoided.'],
    resources: [
      'Resources',
      'Documents, laws, tools and contacts worth knowing, with a link or a reference.',
    ],
    contributors: ['Contributors', 'The names and parliaments of the people who wrote this guide.'],
  },
  fr: {
    name: 'Guide pratique',
    title: 'Titre de votre guide pratique',
    howTo:
      'Remplacez la consigne placée sous chaque titre par le texte de votre groupe. Gardez les titres : ils permettent aux lecteurs de comparer les guides de tous les groupes.',
    purpose: [
      'Objectif',
      'Quel problème ce guide aide-t-il un parlement à résoudre, et à qui s’adresse-t-il : parlementaires, personnel du secrétariat, équipes informatiques ?',
    ],
    context: [
      'Contexte',
      'Où la question se pose-t-elle ? Décrivez la situation en quelques phrases : le cadre institutionnel, les contraintes et ce qui a changé récemment.',
    ],
    goodPractices: [
      'Bonnes pratiques',
      'Pour chaque pratique, indiquez le parlement dont elle vient, afin que les lecteurs sachent à qui s’adresser.',
    ],
    practiceColumns: ['Pratique', 'Parlement', 'Ce qui l’a fait réussir'],
    steps: [
      'Étape par étape',
      'Les étapes qu’un parlement suivrait, dans l’ordre.',
      [
        'Préparer : ce qu’il faut, et qui le prépare.',
        'Décider : qui décide, et sur quelle base.',
        'Mettre en place : qui fait quoi, et pour quand.',
        'Évaluer : comment les résultats sont mesurés et partagés.',
      ],
    ],
    checklist: [
      'Liste de contrôle',
      'Ce qu’il faut vérifier avant de commencer.',
      [
        'Le règlement intérieur le permet.',
        'Une personne en est responsable, nommément ou par sa fonction.',
        'Le budget et le personnel sont connus.',
        'Les parlementaires et le personnel ont été formés.',
        'Cela fonctionne dans chaque langue de travail et pour les personnes handicapées.',
      ],
    ],
    pitfalls: ['Écueils à éviter', 'Ce qui a échoué ailleurs, et comment l’éviter.'],
    resources: [
      'Ressources',
      'Documents, lois, outils et contacts utiles, avec un lien ou une référence.',
    ],
    contributors: [
      'Contributeurs et contributrices',
      'Les noms et les parlements des personnes qui ont rédigé ce guide.',
    ],
  },
  es: {
    name: 'Guía práctica',
    title: 'Título de su guía práctica',
    howTo:
      'Sustituya la indicación que figura bajo cada título por el texto de su grupo. Conserve los títulos: permiten a los lectores comparar las guías de todos los grupos.',
    purpose: [
      'Propósito',
      '¿Qué problema ayuda esta guía a resolver a un parlamento, y a quién se dirige: parlamentarios, personal de la secretaría, equipos de TIC?',
    ],
    context: [
      'Contexto',
      '¿Dónde surge la cuestión? Describa la situación en pocas frases: el marco institucional, las limitaciones y lo que ha cambiado recientemente.',
    ],
    goodPractices: [
      'Buenas prácticas',
      'Para cada práctica, indique el parlamento del que procede, para que los lectores sepan a quién preguntar.',
    ],
    practiceColumns: ['Práctica', 'Parlamento', 'Qué la hizo funcionar'],
    steps: [
      'Paso a paso',
      'Los pasos que seguiría un parlamento, en orden.',
      [
        'Preparar: qué se necesita y quién lo prepara.',
        'Decidir: quién decide y con qué criterios.',
        'Poner en marcha: quién hace qué, y para cuándo.',
        'Evaluar: cómo se miden y se comparten los resultados.',
      ],
    ],
    checklist: [
      'Lista de verificación',
      'Lo que hay que comprobar antes de empezar.',
      [
        'El reglamento lo permite.',
        'Alguien es responsable, por su nombre o por su cargo.',
        'Se conocen el presupuesto y el personal.',
        'Los parlamentarios y el personal han recibido formación.',
        'Funciona en cada idioma de trabajo y para las personas con discapacidad.',
      ],
    ],
    pitfalls: ['Errores que evitar', 'Lo que salió mal en otros lugares, y cómo evitarlo.'],
    resources: [
      'Recursos',
      'Documentos, leyes, herramientas y contactos útiles, con un enlace o una referencia.',
    ],
    contributors: [
      'Colaboradores',
      'Los nombres y parlamentos de las personas que redactaron esta guía.',
    ],
  },
  ar: {
    name: 'دليل عملي',
    title: 'عنوان دليلكم العملي',
    howTo:
      'استبدلوا التوجيهات الواردة تحت كل عنوان بنص مجموعتكم. احتفظوا بالعناوين: فهي تتيح للقرّاء المقارنة بين أدلة جميع المجموعات.',
    purpose: [
      'الغرض',
      'ما المشكلة التي يساعد هذا الدليل البرلمان على حلّها، ولمن هو موجّه: أعضاء البرلمان، أم موظفو الأمانة العامة، أم فرق تقنية المعلومات؟',
    ],
    context: [
      'السياق',
      'أين تُطرح هذه المسألة؟ صفوا الوضع في بضع جمل: الإطار المؤسسي، والقيود، وما تغيّر مؤخرًا.',
    ],
    goodPractices: [
      'الممارسات الجيدة',
      'اذكروا لكل ممارسة البرلمان الذي جاءت منه، ليعرف القرّاء بمن يتصلون.',
    ],
    practiceColumns: ['الممارسة', 'البرلمان', 'ما الذي أنجحها'],
    steps: [
      'خطوة بخطوة',
      'الخطوات التي يتبعها البرلمان، بالترتيب.',
      [
        'الإعداد: ما المطلوب، ومن يُعدّه.',
        'القرار: من يقرّر، وعلى أي أساس.',
        'التنفيذ: من يفعل ماذا، ومتى.',
        'المراجعة: كيف تُقاس النتائج وتُنشر.',
      ],
    ],
    checklist: [
      'قائمة التحقق',
      'ما يجب التحقق منه قبل البدء.',
      [
        'النظام الداخلي يسمح بذلك.',
        'هناك مسؤول عنه، بالاسم أو بالمنصب.',
        'الميزانية والموظفون معروفون.',
        'تلقّى الأعضاء والموظفون التدريب.',
        'يعمل بكل لغات العمل ولذوي الإعاقة.',
      ],
    ],
    pitfalls: ['أخطاء يجب تجنّبها', 'ما الذي أخفق في أماكن أخرى، وكيف يمكن تجنّبه.'],
    resources: ['الموارد', 'الوثائق والقوانين والأدوات وجهات الاتصال المفيدة، مع رابط أو مرجع.'],
    contributors: ['المساهمون', 'أسماء الأشخاص الذين كتبوا هذا الدليل وبرلماناتهم.'],
  },
};
