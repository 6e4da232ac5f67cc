import { AlertOutlined, AuditOutlined, DashboardOutlined, FileTextOutlined, PrinterOutlined, SendOutlined } from '@ant-design/icons';
import { SearchOutlined } from '@ant-design/icons';
import type { Capability } from '@gridloop/domain/dist/access/capabilities';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';

/** One console page: its menu entry and who may open it. The menu and the routes both read this table. */
export interface ConsolePage {
  path: string;
  name: string;
  icon: ReactNode;
  /** Shown to those whose roles grant this capability (packages/domain's CAPABILITY_ROLES). */
  capability: Capability;
  component: LazyExoticComponent<ComponentType>;
  /** A page opened from others (a matter's page from a table row), with no menu entry of its own. */
  hidden?: boolean;
}

// Each page is its own chunk: the first screen loads only the frame and the page it opens.
export const CONSOLE_PAGES: readonly ConsolePage[] = [
  {
    path: '/workbench',
    name: '工作台',
    icon: <DashboardOutlined />,
    capability: 'request.view',
    component: lazy(() => import('./pages/workbench/WorkbenchPage')),
  },
  {
    path: '/search',
    name: '诉求检索',
    icon: <SearchOutlined />,
    capability: 'request.view',
    component: lazy(() => import('./pages/search/SearchPage')),
  },
  {
    path: '/dispatch',
    name: '待派单',
    icon: <SendOutlined />,
    capability: 'routing.manage',
    component: lazy(() => import('./pages/queues/DispatchQueuePage')),
  },
  {
    path: '/look-back',
    name: '待回看',
    icon: <AuditOutlined />,
    capability: 'request.lookBack',
    component: lazy(() => import('./pages/queues/LookBackQueuePage')),
  },
  {
    path: '/overdue',
    name: '超时督办',
    icon: <AlertOutlined />,
    capability: 'request.lookBack',
    component: lazy(() => import('./pages/queues/OverdueBoardPage')),
  },
  {
    // 诉求详情: opened from a queue's or the search's rows (?queue=… keeps that queue's order).
    path: '/requests/:id',
    name: '诉求详情',
    icon: <FileTextOutlined />,
    capability: 'request.view',
    component: lazy(() => import('./pages/request/RequestDetailPage')),
    hidden: true,
  },
  {
    // Printed notices (催办通知书, 督办通知单): one id, or several separated by commas; one A4 page each.
    path: '/notices/:ids',
    name: '打印通知',
    icon: <PrinterOutlined />,
    capability: 'request.view',
    component: lazy(() => import('./pages/notices/NoticePrintPage')),
    hidden: true,
  },
];

export const HOME_PATH = '/workbench';
