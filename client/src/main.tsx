// First: configures zod before any shared schema is built (see zodConfig.ts).
import './zodConfig.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { initI18n } from './i18n/index.ts';
import { MeProvider } from './me/MeContext.tsx';
import { router } from './router.tsx';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/guide.css';
import './styles/toolbar.css';
import './styles/editor.css';
import './styles/account.css';
import './styles/programme.css';
import './styles/exports.css';
import './styles/search.css';
import './styles/print.css';

initI18n();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <MeProvider>
      <RouterProvider router={router} />
    </MeProvider>
  </StrictMode>,
);
