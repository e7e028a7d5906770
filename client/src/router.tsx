import { createBrowserRouter } from 'react-router';
import { Layout } from './app/Layout.tsx';
import { RouteError } from './app/RouteError.tsx';
import { AppLoading } from './app/AppLoading.tsx';
import { HomePage } from './home/HomePage.tsx';
import { JoinPage } from './join/JoinPage.tsx';
import { ProgrammePage } from './programme/ProgrammePage.tsx';
import { SessionPage } from './sessions/SessionPage.tsx';
import { NotFoundPage } from './app/NotFoundPage.tsx';
import { organiserRoutes } from './organiser/routes.tsx';
import { libraryRoutes } from './library/routes.tsx';
import { AddDevicePage } from './devices/AddDevicePage.tsx';
import { DeviceSignInPage } from './devices/DeviceSignInPage.tsx';
import { SearchPage } from './search/SearchPage.tsx';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    // Shown while a lazy page (the guide editor) loads on the very first visit.
    HydrateFallback: AppLoading,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'join/:token', element: <JoinPage /> },
      { path: 'programme', element: <ProgrammePage /> },
      { path: 'search', element: <SearchPage /> },
      { path: 'devices/add', element: <AddDevicePage /> },
      { path: 'device', element: <DeviceSignInPage /> },
      { path: 'device/:token', element: <DeviceSignInPage /> },
      { path: 'sessions/:sessionId', element: <SessionPage /> },
      {
        path: 'sessions/:sessionId/console',
        lazy: async () => {
          const { SessionConsolePage } = await import('./sessions/SessionConsolePage.tsx');
          return { Component: SessionConsolePage };
        },
      },
      {
        // Full screen for sharing into the video call: questions or a poll's results.
        path: 'sessions/:sessionId/present',
        lazy: async () => {
          const { PresenterPage } = await import('./interaction/PresenterPage.tsx');
          return { Component: PresenterPage };
        },
      },
      {
        path: 'dashboard',
        // The organisers' dashboard (and its chart library) only for those who open it.
        lazy: async () => {
          const { DashboardPage } = await import('./dashboard/DashboardPage.tsx');
          return { Component: DashboardPage };
        },
      },
      {
        path: 'g/:documentId',
        // The editor (Tiptap, Yjs) is most of the code: load it only when a guide is opened.
        lazy: async () => {
          const { GuidePage } = await import('./pages/GuidePage.tsx');
          return { Component: GuidePage };
        },
      },
      {
        // Two guides side by side (read-only editors): loaded on first visit, like the guide page.
        path: 'compare',
        lazy: async () => {
          const { ComparePage } = await import('./compare/ComparePage.tsx');
          return { Component: ComparePage };
        },
      },
      {
        // A focal point's private registration link, and the public page that starts one: no
        // sign-in; loaded on first visit (nobody else needs them).
        path: 'register/open/:token',
        lazy: async () => {
          const { PublicRegisterPage } = await import('./registration/PublicRegisterPage.tsx');
          return { Component: PublicRegisterPage };
        },
      },
      {
        path: 'register/:token',
        lazy: async () => {
          const { RegisterPage } = await import('./registration/RegisterPage.tsx');
          return { Component: RegisterPage };
        },
      },
      // `/organise/…`: the organiser and facilitator screens, each loaded on first visit.
      ...organiserRoutes,
      // `/library…` and `/public/library/…`: the good-practice library.
      ...libraryRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
