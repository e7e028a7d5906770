import { createBrowserRouter } from 'react-router';
import { Layout } from './Layout.tsx';
import { RouteError } from './RouteError.tsx';
import { AppLoading } from './AppLoading.tsx';
import { HomePage } from '../pages/HomePage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    // Shown while a lazy page (the guide editor) loads on the very first visit.
    HydrateFallback: AppLoading,
    children: [
      { index: true, element: <HomePage /> },
      {
        path: 'g/:documentId',
        // The editor (Tiptap, Yjs) is most of the code: load it only when a guide is opened.
        lazy: async () => {
          const { GuidePage } = await import('../pages/GuidePage.tsx');
          return { Component: GuidePage };
        },
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
