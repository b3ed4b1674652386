// Shapes of the JSON the server takes and returns. Every resource the server
// describes (BULWARK_RESOURCE) is generated into types.gen.ts by
// `bulwark gen-types`; this file re-exports those under the names the app
// uses, narrowing the fields the server sends as plain strings but whose
// values are a closed set (roles, statuses) to the unions the app switches on.
// Written by hand: only what has no generated counterpart (the unions and
// their lists, labels, the generic Page).
import type * as gen from './types.gen';

export type {
  AssetView as Asset,
  AuditRecord,
  CustomerChange,
  CustomerView as Customer,
  MismatchView as PaymentMismatch,
  NewCustomer,
  NewSite,
  NumberRequestView as SmsNumberRequest,
  SiteView as Site,
  SmsConsent,
  SmsSettingsView as SmsSettings,
  SmsTemplateView as SmsTemplate,
  SiteAccessView,
  SiteChange,
  AssetWorkHistory,
  AssetWorkOrder,
  AssetSummary,
  AssetPage,
  AssetCost,
  CostMonth,
  DowntimeView as AssetDowntime,
  StatusChangeView as AssetStatusChange,
  ChecklistPlanView as PmChecklist,
  PmComplianceReport,
  PmCounts,
  MttrReport,
  MttrFigures,
  AssetCostsReport,
} from './types.gen';

export type AssetStatus = 'running' | 'down' | 'retired';
export const ASSET_STATUSES: AssetStatus[] = ['running', 'down', 'retired'];

export type Role = 'owner' | 'admin' | 'dispatcher' | 'technician' | 'viewer' | 'requester';
export const ROLES: Role[] = ['owner', 'admin', 'dispatcher', 'technician', 'viewer', 'requester'];

export type Permission =
  | 'work_orders.read'
  | 'work_orders.write'
  | 'work_orders.assign'
  | 'customers.read'
  | 'customers.write'
  | 'users.manage'
  | 'settings.manage'
  | 'audit.read'
  | 'invoices.manage'
  | 'metrics.read'
  | 'requests.own';

/** GET /auth/me: the session as the app keeps it (the csrf token stays in the API client). */
export type Me = Omit<gen.SessionView, 'user' | 'role' | 'permissions' | 'csrf_token'> & {
  user: Omit<gen.SessionUser, 'role'> & { role: Role };
  role: Role;
  permissions: Permission[];
};

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export type MeterReading = Omit<gen.ReadingView, 'kind' | 'recorded_by'> & {
  kind: MeterKind;
  recorded_by?: number;
};
export type MeterKind = 'hours' | 'gallons' | 'cycles';
export const METER_KINDS: MeterKind[] = ['hours', 'gallons', 'cycles'];

export type WoStatus =
  'open' | 'scheduled' | 'in_progress' | 'on_hold' | 'completed' | 'closed' | 'cancelled';
export const WO_STATUSES: WoStatus[] = [
  'open',
  'scheduled',
  'in_progress',
  'on_hold',
  'completed',
  'closed',
  'cancelled',
];
export type Priority = 'low' | 'medium' | 'high' | 'urgent';
export const PRIORITIES: Priority[] = ['low', 'medium', 'high', 'urgent'];
export type WoType = 'corrective' | 'preventive' | 'inspection' | 'emergency';
export const WO_TYPES: WoType[] = ['corrective', 'preventive', 'inspection', 'emergency'];

/** allowed_transitions: the moves the signed-in user may make now (the server leaves out what their role may not do). */
export type WorkOrder = Omit<
  gen.WorkOrderView,
  'type' | 'priority' | 'status' | 'allowed_transitions'
> & {
  type: WoType;
  priority: Priority;
  status: WoStatus;
  allowed_transitions: WoStatus[];
};

export type { WorkOrderDetails } from './types.gen';

export type HistoryEntry = Omit<gen.WorkOrderHistoryEntry, 'from' | 'to'> & {
  from: WoStatus | null;
  to: WoStatus;
};

/** A work order as the dispatch and my-day views return it (with names joined in). */
export type ScheduledItem = Omit<gen.DispatchItem, 'status' | 'priority'> & {
  status: WoStatus;
  priority: Priority;
};

export type DispatchWeek = Omit<gen.DispatchWeek, 'items' | 'unplanned'> & {
  items: ScheduledItem[];
  unplanned: ScheduledItem[];
};

/** One of the technician's own jobs today, with what they need at the gate. */
export type MyDayItem = Omit<gen.MyDayItem, 'status' | 'priority'> & {
  status: WoStatus;
  priority: Priority;
};

export type MyDay = Omit<gen.MyDay, 'items'> & { items: MyDayItem[] };

export type InvoiceStatus = 'draft' | 'open' | 'paid' | 'refunded' | 'void';
export const INVOICE_STATUSES: InvoiceStatus[] = ['draft', 'open', 'paid', 'refunded', 'void'];

export type PaymentState = 'unpaid' | 'partially_paid' | 'paid' | 'partially_refunded' | 'refunded';

/** An invoice as the list returns it. */
export type Invoice = Omit<gen.InvoiceSummary, 'status'> & { status: InvoiceStatus };
/** One invoice with its lines, the ledger's payments and the events that matched nothing. */
export type InvoiceDetail = Omit<gen.InvoiceView, 'status' | 'payment_state' | 'payments'> & {
  status: InvoiceStatus;
  payment_state: PaymentState;
  payments: InvoicePayment[];
};

export type InvoicePayment = Omit<gen.PaymentView, 'kind'> & { kind: 'charge' | 'refund' };
export type {
  InvoiceLineView as InvoiceLine,
  ReceivableView as Receivable,
  Receivables,
  TaxRateView as TaxRate,
} from './types.gen';
export type PaymentMethod = 'cash' | 'check' | 'card_external';

export type BusinessMetrics = Omit<gen.BusinessMetrics, 'open_by_status' | 'open_by_priority'> & {
  open_by_status: Partial<Record<WoStatus, number>>;
  open_by_priority: Partial<Record<Priority, number>>;
};

export type PmSchedule = Omit<gen.PmSchedule, 'priority' | 'interval_unit' | 'meter_kind'> & {
  priority: Priority;
  interval_unit: 'days' | 'weeks' | 'months' | 'meter';
  meter_kind: MeterKind | null;
};

export type User = Omit<gen.User, 'role'> & { role: Role };

export type SmsDirection = 'inbound' | 'outbound';
export const SMS_DIRECTIONS: SmsDirection[] = ['inbound', 'outbound'];
/** superseded: a newer confirmation or a cancellation withdrew it before it was sent (it never will be). */
export type SmsStatus =
  | 'queued'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'undelivered'
  | 'failed'
  | 'suppressed'
  | 'superseded'
  | 'received';
export const SMS_STATUSES: SmsStatus[] = [
  'queued',
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'suppressed',
  'superseded',
  'received',
];
export const SMS_STATUS_LABELS: Record<SmsStatus, string> = {
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  delivered: 'Delivered',
  undelivered: 'Undelivered',
  failed: 'Failed',
  suppressed: 'Suppressed (opted out)',
  superseded: 'Withdrawn (superseded)',
  received: 'Received',
};

/** A text message to or from a customer. */
export type SmsMessage = Omit<gen.MessageView, 'direction' | 'status'> & {
  direction: SmsDirection;
  status: SmsStatus;
};

/** Message pages use the id of the last row as the cursor (a number). */
export type MessagePage = Omit<gen.MessagePage, 'items'> & { items: SmsMessage[] };

export const SMS_PLACEHOLDERS = [
  'org',
  'customer',
  'number',
  'date',
  'time',
  'amount',
  'link',
  'body',
  'technician',
] as const;

export type OnTheWayStatus =
  'queued' | 'already_sent' | 'customer_opted_out' | 'no_phone' | 'no_schedule' | 'not_notified';

/** POST /work-orders/{id}/on-the-way: what happened, and whether a text really goes out. */
export type OnTheWayView = Omit<gen.OnTheWayView, 'status'> & { status: OnTheWayStatus };
