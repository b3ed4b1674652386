import type { ReactElement } from 'react';
import type { Permission } from './api/types';
import { DashboardPage } from './pages/DashboardPage';
import { WorkOrdersPage } from './pages/WorkOrdersPage';
import { WorkOrderBoardPage } from './pages/WorkOrderBoardPage';
import { WorkOrderDetailPage } from './pages/WorkOrderDetailPage';
import { NewWorkOrderPage } from './pages/NewWorkOrderPage';
import { DispatchPage } from './pages/DispatchPage';
import { CustomersPage } from './pages/CustomersPage';
import { CustomerDetailPage } from './pages/CustomerDetailPage';
import { AssetsPage } from './pages/AssetsPage';
import { AssetDetailPage } from './pages/AssetDetailPage';
import { InvoicesPage } from './pages/InvoicesPage';
import { ReceivablesPage } from './pages/ReceivablesPage';
import { ReportsPage } from './pages/ReportsPage';
import { InvoiceDetailPage } from './pages/InvoiceDetailPage';
import { MyDayPage } from './pages/MyDayPage';
import { UsersPage } from './pages/UsersPage';
import { ApiClientsPage } from './pages/ApiClientsPage';
import { AuditLogPage } from './pages/AuditLogPage';
import { AccountPage } from './pages/AccountPage';
import { MessagesPage } from './pages/MessagesPage';
import { MessagingSettingsPage } from './pages/MessagingSettingsPage';
import { OrgSettingsPage } from './pages/OrgSettingsPage';
import { SecurityPolicyPage } from './pages/security/SecurityPolicyPage';
import { PmChecklistsPage } from './pages/PmChecklistsPage';
import { ServicePlansPage } from './pages/ServicePlansPage';
import { ChecklistTemplatesPage } from './pages/ChecklistTemplatesPage';
import { PrivacyRequestsPage } from './pages/PrivacyRequestsPage';
import { PriceBookPage } from './pages/PriceBookPage';
import { RequestsPage } from './pages/RequestsPage';
import { RequestLabelPage } from './pages/RequestLabelPage';
import { MyRequestsPage } from './pages/MyRequestsPage';
import { NewMyRequestPage } from './pages/NewMyRequestPage';

// The route table: which page, which permission it needs, and whether it
// appears in the navigation. The server enforces permissions; the UI only
// hides what a role cannot use.

export interface RouteDef {
  pattern: string;
  title: string;
  permission: Permission | null;
  /** Label in the main navigation; absent for detail pages. */
  nav?: string;
  /**
   * For a requester (a plant operator): 'only' their pages, 'also' the
   * account. A requester reaches no other page (the server refuses their
   * data anyway; this keeps the app to the two things they do).
   */
  requester?: 'only' | 'also';
  render: (params: Record<string, string>) => ReactElement;
}

export const ROUTES: RouteDef[] = [
  {
    // "/" itself sends each role to its home (home.ts, App.tsx).
    pattern: '/dashboard',
    title: 'Dashboard',
    permission: null,
    nav: 'Dashboard',
    render: () => <DashboardPage />,
  },
  {
    pattern: '/my-day',
    title: 'My day',
    permission: 'work_orders.write',
    nav: 'My day',
    render: () => <MyDayPage />,
  },
  {
    pattern: '/work-orders',
    title: 'Work orders',
    permission: 'work_orders.read',
    nav: 'Work orders',
    render: () => <WorkOrdersPage />,
  },
  {
    pattern: '/work-orders/board',
    title: 'Work order board',
    permission: 'work_orders.read',
    render: () => <WorkOrderBoardPage />,
  },
  {
    pattern: '/work-orders/new',
    title: 'New work order',
    permission: 'work_orders.assign',
    render: () => <NewWorkOrderPage />,
  },
  {
    pattern: '/work-orders/:id',
    title: 'Work order',
    permission: 'work_orders.read',
    render: (p) => <WorkOrderDetailPage id={Number(p.id)} />,
  },
  {
    pattern: '/dispatch',
    title: 'Dispatch',
    permission: 'work_orders.assign',
    nav: 'Dispatch',
    render: () => <DispatchPage />,
  },
  {
    pattern: '/messages',
    title: 'Messages',
    permission: 'work_orders.assign',
    nav: 'Messages',
    render: () => <MessagesPage />,
  },
  {
    pattern: '/requests',
    title: 'Requests',
    permission: 'work_orders.assign',
    nav: 'Requests',
    render: () => <RequestsPage />,
  },
  {
    pattern: '/assets/:id/label',
    title: 'Asset label',
    permission: 'work_orders.assign',
    render: (p) => <RequestLabelPage kind="assets" id={Number(p.id)} />,
  },
  {
    pattern: '/sites/:id/label',
    title: 'Site label',
    permission: 'work_orders.assign',
    render: (p) => <RequestLabelPage kind="sites" id={Number(p.id)} />,
  },
  {
    pattern: '/customers',
    title: 'Customers',
    permission: 'customers.read',
    nav: 'Customers',
    render: () => <CustomersPage />,
  },
  {
    pattern: '/customers/:id',
    title: 'Customer',
    permission: 'customers.read',
    render: (p) => <CustomerDetailPage id={Number(p.id)} />,
  },
  {
    pattern: '/assets',
    title: 'Assets',
    permission: 'customers.read',
    nav: 'Assets',
    render: () => <AssetsPage />,
  },
  {
    pattern: '/assets/:id',
    title: 'Asset',
    permission: 'customers.read',
    render: (p) => <AssetDetailPage id={Number(p.id)} />,
  },
  {
    // No menu entry: reached from the Assets page, where PM is planned.
    pattern: '/pm-checklists',
    title: 'PM checklists',
    permission: 'work_orders.assign',
    render: () => <PmChecklistsPage />,
  },
  {
    pattern: '/invoices',
    title: 'Invoices',
    permission: 'invoices.manage',
    nav: 'Invoices',
    render: () => <InvoicesPage />,
  },
  {
    pattern: '/receivables',
    title: 'Receivables',
    permission: 'invoices.manage',
    nav: 'Receivables',
    render: () => <ReceivablesPage />,
  },
  {
    pattern: '/service-plans',
    title: 'Service due',
    permission: 'work_orders.assign',
    nav: 'Service due',
    render: () => <ServicePlansPage />,
  },
  {
    pattern: '/reports',
    title: 'Reports',
    permission: 'invoices.manage',
    nav: 'Reports',
    render: () => <ReportsPage />,
  },
  {
    pattern: '/invoices/:id',
    title: 'Invoice',
    permission: 'invoices.manage',
    render: (p) => <InvoiceDetailPage id={Number(p.id)} />,
  },
  {
    pattern: '/admin/users',
    title: 'Users and roles',
    permission: 'users.manage',
    nav: 'Users',
    render: () => <UsersPage />,
  },
  {
    pattern: '/admin/api-clients',
    title: 'API clients',
    permission: 'users.manage',
    nav: 'API clients',
    render: () => <ApiClientsPage />,
  },
  {
    pattern: '/admin/messaging',
    title: 'Messaging',
    permission: 'settings.manage',
    nav: 'Messaging',
    render: () => <MessagingSettingsPage />,
  },
  {
    pattern: '/admin/organization',
    title: 'Organization',
    permission: 'settings.manage',
    nav: 'Organization',
    render: () => <OrgSettingsPage />,
  },
  {
    pattern: '/admin/security',
    title: 'Security',
    permission: 'settings.manage',
    nav: 'Security',
    render: () => <SecurityPolicyPage />,
  },
  {
    pattern: '/admin/price-book',
    title: 'Price book',
    permission: 'settings.manage',
    nav: 'Price book',
    render: () => <PriceBookPage />,
  },
  {
    pattern: '/admin/checklists',
    title: 'Checklists',
    permission: 'settings.manage',
    nav: 'Checklists',
    render: () => <ChecklistTemplatesPage />,
  },
  {
    pattern: '/admin/privacy-requests',
    title: 'Privacy requests',
    permission: 'users.manage',
    nav: 'Privacy requests',
    render: () => <PrivacyRequestsPage />,
  },
  {
    pattern: '/admin/audit',
    title: 'Audit log',
    permission: 'audit.read',
    nav: 'Audit log',
    render: () => <AuditLogPage />,
  },
  {
    pattern: '/my-requests',
    title: 'My requests',
    permission: 'requests.own',
    nav: 'My requests',
    requester: 'only',
    render: () => <MyRequestsPage />,
  },
  {
    pattern: '/my-requests/new',
    title: 'New request',
    permission: 'requests.own',
    nav: 'New request',
    requester: 'only',
    render: () => <NewMyRequestPage />,
  },
  {
    pattern: '/account',
    title: 'Account',
    permission: null,
    nav: 'Account',
    requester: 'also',
    render: () => <AccountPage />,
  },
];

/** Whether the signed-in role sees a page: a requester only theirs, others not those. */
export function shownTo(route: RouteDef, role: string): boolean {
  return role === 'requester' ? route.requester !== undefined : route.requester !== 'only';
}
