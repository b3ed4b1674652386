// Shapes of the JSON the server takes and returns. Where the server describes
// a resource (BULWARK_RESOURCE), its type is generated into types.gen.ts by
// `bulwark gen-types` and re-exported here under the name the app uses; the
// rest are still written by hand (see src/api/*_handlers.cpp).

export type {
  CustomerChange,
  CustomerView as Customer,
  NewCustomer,
  NewSite,
  SiteView as Site,
  SmsConsent,
  SiteAccessView,
  AssetWorkHistory,
  AssetWorkOrder,
} from './types.gen';

export type Role = 'owner' | 'admin' | 'dispatcher' | 'technician' | 'viewer';
export const ROLES: Role[] = ['owner', 'admin', 'dispatcher', 'technician', 'viewer'];

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
  | 'metrics.read';

export interface Me {
  user: { id: number; email: string; name: string; role: Role };
  org: { id: number; slug: string; name: string };
  role: Role;
  permissions: Permission[];
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface Asset {
  id: number;
  site_id: number;
  name: string;
  type: string;
  make: string;
  model: string;
  serial: string;
  install_date: string | null;
  created_at: string;
  /** Names joined in by GET /assets/{id} and /sites/{id}/assets. */
  site_name?: string | null;
  customer_id?: number | null;
  customer_name?: string | null;
}

export interface MeterReading {
  id: number;
  kind: MeterKind;
  value: number;
  read_at: string;
  recorded_by?: number;
}
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

export interface WorkOrder {
  id: number;
  number: string;
  title: string;
  description: string;
  type: WoType;
  priority: Priority;
  status: WoStatus;
  /** The moves the signed-in user may make now (the server leaves out what their role may not do). */
  allowed_transitions: WoStatus[];
  customer_id: number | null;
  site_id: number | null;
  assignee_id: number | null;
  scheduled_start: string | null;
  scheduled_end: string | null;
  due_at: string | null;
  estimated_hours: number | null;
  created_by: number;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
  version: number;
  /** Joined in by the server (list, get, create, patch, transition). */
  customer_name?: string | null;
  /** The assignee's name, or their email when they have no name. */
  assignee_name?: string | null;
  /** When the customer replied YES by SMS to confirm the visit. */
  customer_confirmed_at?: string | null;
  /** Whether the customer is texted about this visit (false: work recorded without texts; may start in the past). */
  notify_customer?: boolean;
  /** The asset the work is for (same site). */
  asset_id?: number | null;
  /** The field facts, on the one work order's answer (not in lists). */
  site_name?: string | null;
  site_address?: string | null;
  asset_name?: string | null;
  customer_phone?: string | null;
  /** The office only; anyone else gets access_hidden (the assigned technician reveals them). */
  access_notes?: string;
  access_hidden?: boolean;
  /** Whether a visit text would reach the customer; if not, why. */
  customer_textable?: boolean;
  customer_text_blocker?: 'no_phone' | 'customer_opted_out' | 'not_notified' | null;
}

export interface WorkOrderDetails {
  comments: {
    id: number;
    author_id: number;
    author_name: string;
    body: string;
    created_at: string;
  }[];
  checklist: { id: number; label: string; done: boolean; done_by: number | null }[];
  time_entries: {
    id: number;
    user_id: number;
    minutes: number;
    note: string;
    created_at: string;
  }[];
  /** Technicians get no unit_cost_cents/currency (they never see billing data). */
  parts: {
    id: number;
    name: string;
    quantity: number;
    unit_cost_cents?: number;
    currency?: string;
  }[];
}

export interface HistoryEntry {
  from: WoStatus | null;
  to: WoStatus;
  actor_id: number | null;
  at: string;
  /** Who moved it, by name (null for the system, e.g. preventive maintenance). */
  actor_name?: string | null;
}

/** A work order as the dispatch and my-day views return it (with names joined in). */
export interface ScheduledItem {
  id: number;
  number: string;
  title: string;
  status: WoStatus;
  priority: Priority;
  assignee_id?: number | null;
  scheduled_start: string | null;
  scheduled_end: string | null;
  due_at?: string | null;
  customer_name: string | null;
  site_address: string | null;
  version?: number;
  customer_confirmed_at?: string | null;
  /** My day only: the field facts (the access notes stay hidden until revealed). */
  site_id?: number | null;
  asset_id?: number | null;
  site_name?: string | null;
  asset_name?: string | null;
  customer_phone?: string | null;
  access_hidden?: boolean;
}

export interface DispatchWeek {
  start: string;
  days: string[];
  technicians: { id: number; name: string }[];
  items: ScheduledItem[];
  truncated: boolean;
  unplanned: ScheduledItem[];
}

export interface MyDay {
  date: string;
  items: ScheduledItem[];
}

export type InvoiceStatus = 'draft' | 'open' | 'paid' | 'refunded' | 'void';
export const INVOICE_STATUSES: InvoiceStatus[] = ['draft', 'open', 'paid', 'refunded', 'void'];

export interface Invoice {
  id: number;
  number: string;
  work_order_id: number;
  customer_id: number | null;
  status: InvoiceStatus;
  currency: string;
  total_cents: number;
  created_at: string;
  updated_at: string;
  paid_at: string | null;
  version: number;
  /** The hosted payment page, once one was created. */
  payment_link?: string | null;
  lines?: { description: string; quantity: number; unit_cents: number; amount_cents: number }[];
  /** Derived from the payment ledger (charges and refunds). */
  payment_state?: 'unpaid' | 'partially_paid' | 'paid' | 'partially_refunded' | 'refunded';
  paid_cents?: number;
  refunded_cents?: number;
  balance_cents?: number;
  payments?: InvoicePayment[];
  /** Payment events that did not match what the invoice asked for; they changed nothing. */
  mismatches?: PaymentMismatch[];
}

export interface InvoicePayment {
  kind: 'charge' | 'refund';
  amount_cents: number;
  currency: string;
  source: string;
  payment_intent_id: string | null;
  charge_id: string | null;
  refund_id: string | null;
  at: string;
}

export interface PaymentMismatch {
  kind: string;
  expected_cents: number | null;
  received_cents: number | null;
  expected_currency: string | null;
  currency: string | null;
  invoice_status: string;
  needs_refund: boolean;
  event_type: string;
  at: string;
}

export interface BusinessMetrics {
  open_by_status: Partial<Record<WoStatus, number>>;
  open_by_priority: Partial<Record<Priority, number>>;
  overdue: number;
  mean_hours_to_complete: number | null;
  completed_per_week: { week_start: string; completed: number }[];
  invoiced_and_paid_per_month: { month: string; invoiced_cents: number; paid_cents: number }[];
}

export interface PmSchedule {
  id: number;
  site_id: number;
  asset_id: number | null;
  title: string;
  priority: Priority;
  assignee_id: number | null;
  interval_unit: 'days' | 'weeks' | 'months' | 'meter';
  interval_value: number;
  meter_kind: MeterKind | null;
  lead_days: number;
  next_due_at: string | null;
  next_meter_value: number | null;
  active: boolean;
}

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  created_at: number;
}

export interface AuditRecord {
  seq: number;
  at: number;
  actor_type: string;
  actor_id: number | null;
  action: string;
  target_type: string;
  target_id: string;
  ip: string;
  outcome: string;
  fields: string[];
}

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

/** A text message to or from a customer (messaging_handlers.cpp). */
export interface SmsMessage {
  id: number;
  customer_id: number | null;
  work_order_id: number | null;
  direction: SmsDirection;
  kind: string;
  phone: string;
  body: string;
  status: SmsStatus;
  attempts: number;
  last_error: string | null;
  /** Why a queued message has not gone out yet, in plain words. */
  waiting_reason: string | null;
  created_at: string;
  updated_at: string;
}

/** Message pages use the id of the last row as the cursor (a number). */
export interface MessagePage {
  items: SmsMessage[];
  next_cursor: number | string | null;
}

/** A pending request for an SMS number, waiting for the operator. */
export interface SmsNumberRequest {
  /** Three digits, or "" for any area code. */
  area_code: string;
  note: string;
  /** The email of the admin who asked. */
  requested_by: string;
  /** RFC 3339 UTC. */
  requested_at: string;
}

/**
 * GET /org/sms (and POST /org/sms/request's 202). Only the operator assigns
 * the number (`bulwark admin set-sms-number`): it decides which organization
 * receives inbound texts, STOPs included, so the app can only ask for one.
 */
export interface SmsSettings {
  sms_number: string | null;
  /** The operator checked it in the configured Twilio account. */
  sms_number_verified: boolean;
  number_request: SmsNumberRequest | null;
  twilio_configured: boolean;
  payments_configured: boolean;
}

export interface SmsTemplate {
  kind: string;
  description: string;
  body: string;
  is_default: boolean;
}

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
