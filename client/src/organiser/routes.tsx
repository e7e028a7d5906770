import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { OrganiserOnly } from './OrganiserOnly.tsx';

/**
 * Each organiser page is its own chunk, loaded on first visit: participants never download them.
 * `organiserOnly` wraps pages facilitators may not use, so the check cannot be forgotten.
 */
function page(load: () => Promise<ComponentType>): RouteObject['lazy'] {
  return async () => ({ Component: await load() });
}

function organiserOnly(load: () => Promise<ComponentType>): RouteObject['lazy'] {
  return async () => {
    const Page = await load();
    return {
      Component: function OrganiserOnlyPage() {
        return (
          <OrganiserOnly>
            <Page />
          </OrganiserOnly>
        );
      },
    };
  };
}

export const organiserRoutes: RouteObject[] = [
  {
    path: 'organise',
    lazy: page(async () => (await import('./OrganiserLayout.tsx')).OrganiserLayout),
    children: [
      {
        index: true,
        lazy: page(async () => (await import('./overview/OverviewPage.tsx')).OverviewPage),
      },
      {
        path: 'event',
        lazy: organiserOnly(
          async () => (await import('./event/EventSettingsPage.tsx')).EventSettingsPage,
        ),
      },
      {
        path: 'sessions',
        lazy: page(async () => (await import('./sessions/SessionsPage.tsx')).SessionsPage),
      },
      {
        path: 'sessions/new',
        lazy: organiserOnly(
          async () => (await import('./sessions/SessionEditorPage.tsx')).SessionEditorPage,
        ),
      },
      {
        path: 'sessions/:sessionId/edit',
        lazy: organiserOnly(
          async () => (await import('./sessions/SessionEditorPage.tsx')).SessionEditorPage,
        ),
      },
      {
        path: 'sessions/:sessionId',
        lazy: page(async () => (await import('./groups/SessionGroupsPage.tsx')).SessionGroupsPage),
      },
      {
        path: 'invites',
        lazy: organiserOnly(async () => (await import('./invites/InvitesPage.tsx')).InvitesPage),
      },
      {
        path: 'registration',
        lazy: organiserOnly(
          async () =>
            (await import('../registration/organiser/RegistrationsPage.tsx')).RegistrationsPage,
        ),
      },
      {
        path: 'people',
        lazy: organiserOnly(async () => (await import('./people/PeoplePage.tsx')).PeoplePage),
      },
      {
        path: 'templates',
        lazy: organiserOnly(
          async () => (await import('./templates/TemplatesPage.tsx')).TemplatesPage,
        ),
      },
      {
        path: 'templates/new',
        lazy: organiserOnly(
          async () => (await import('./templates/TemplateEditorPage.tsx')).TemplateEditorPage,
        ),
      },
      {
        path: 'templates/:templateId',
        lazy: organiserOnly(
          async () => (await import('./templates/TemplateEditorPage.tsx')).TemplateEditorPage,
        ),
      },
      {
        path: 'import',
        lazy: organiserOnly(async () => (await import('./import/ImportPage.tsx')).ImportPage),
      },
    ],
  },
];
