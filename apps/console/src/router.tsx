import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { NotFound, PageLoading } from './frame/PageStates';
import { CONSOLE_PAGES, HOME_PATH } from './pages';

// Sign-in and the frame are chunks of their own too: a desk loads one or the other first.
const SignInPage = lazy(() => import('./pages/sign-in/SignInPage'));
const ConsoleFrame = lazy(() => import('./frame/ConsoleFrame'));

const loading = (page: ReactNode) => <Suspense fallback={<PageLoading />}>{page}</Suspense>;

export const router = createBrowserRouter(
  [
    { path: '/sign-in', element: loading(<SignInPage />) },
    {
      path: '/',
      element: loading(<ConsoleFrame />),
      children: [
        { index: true, element: <Navigate to={HOME_PATH} replace /> },
        ...CONSOLE_PAGES.map(({ path, component: Page }) => ({
          path,
          element: loading(<Page />),
        })),
        { path: '*', element: <NotFound /> },
      ],
    },
  ],
  { basename: '/console' },
);
