import type { RouteObject } from 'react-router';

/**
 * The library's pages, each loaded on first visit: `/library…` for people signed in to the event,
 * `/public/library/…` for anyone once the organisers publish it.
 */
export const libraryRoutes: RouteObject[] = [
  {
    path: 'library',
    lazy: async () => ({ Component: (await import('./LibraryPage.tsx')).LibraryPage }),
  },
  {
    path: 'library/new',
    lazy: async () => ({ Component: (await import('./PracticeFormPage.tsx')).NewPracticePage }),
  },
  {
    path: 'library/:practiceId',
    lazy: async () => ({ Component: (await import('./PracticePage.tsx')).PracticePage }),
  },
  {
    path: 'library/:practiceId/edit',
    lazy: async () => ({ Component: (await import('./PracticeFormPage.tsx')).EditPracticePage }),
  },
  {
    path: 'public/library/:eventId',
    lazy: async () => ({
      Component: (await import('./public/PublicLibraryPage.tsx')).PublicLibraryPage,
    }),
  },
  {
    path: 'public/library/:eventId/:practiceId',
    lazy: async () => ({
      Component: (await import('./public/PublicPracticePage.tsx')).PublicPracticePage,
    }),
  },
];
