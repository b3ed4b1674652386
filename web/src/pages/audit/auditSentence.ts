import type { AuditRecord } from '../../api/types';

// The audit log in plain language (issue 15 item 6): "Dana Owner signed out
// all of Tomas's sessions" instead of "session.revoked_user user 12". The
// server names the people (actor_name, target_name); the log keeps which
// fields changed, never their values, so a sentence says what changed, not
// to what.

const WHO_ELSE: Record<string, string> = {
  cli: 'An operator on the server',
  system: 'Bulwark',
  webhook: 'A payment or texting provider',
  api_client: 'An API client',
};

// {t}: the target ("Tomas Tech", or "customer 42" when it has no name here).
const PHRASES: Record<string, string> = {
  'auth.login': 'signed in',
  'auth.logout': 'signed out',
  'auth.password_changed': 'changed their password',
  'auth.password_reset': 'reset their password by email',
  'auth.password_reset_requested': 'asked for a password reset',
  'auth.session_ended': 'signed out one of their sessions',
  'auth.other_sessions_ended': 'signed out everywhere else',
  'auth.org_switched_in': 'switched into this organization',
  'auth.org_switched_away': 'switched to another organization',
  'auth.ip_refused': 'was refused: their address is not on the allowlist',
  'user.created': 'added {t}',
  'user.updated': 'changed {t}',
  'user.role_changed': 'changed the role of {t}',
  'user.deactivated': 'deactivated {t}',
  'user.password_reset': 'reset the password of {t}',
  'session.revoked_user': 'signed out all sessions of {t}',
  'session.revoked_org': 'signed out everyone in the organization',
  'session.revoked_all': 'signed out everyone on the server',
  'invitation.created': 'invited {t}',
  'invitation.resent': 'resent an invitation',
  'invitation.revoked': 'withdrew an invitation',
  'invitation.accepted': 'accepted an invitation',
  'org.security_policy_changed': 'changed the security policy',
  'org.ip_allowed': 'added a network to the IP allowlist',
  'org.settings_changed': 'changed the organization’s settings',
  'org.retention_changed': 'changed how long records are kept',
  'org.exported': 'exported the organization’s data',
  'org.export_downloaded': 'downloaded the organization’s export',
  'audit.exported': 'exported the audit log',
  'customer.created': 'added {t}',
  'customer.updated': 'changed {t}',
  'customer.deleted': 'deleted {t}',
  'customer.restored': 'restored {t}',
  'customer.exported': 'exported the data of {t}',
  'customer.erased': 'erased {t}',
  'work_order.created': 'created {t}',
  'work_order.updated': 'changed {t}',
  'work_order.status_changed': 'changed the status of {t}',
  'work_order.scheduled': 'scheduled {t}',
  'invoice.created': 'created {t}',
  'invoice.sent': 'sent {t}',
  'invoice.status_changed': 'changed the status of {t}',
  'payment.recorded': 'recorded a payment',
  'keys.master_rotated': 'rotated the master key',
  'keys.data_rotated': 're-encrypted the organization’s data',
  'backup.created': 'made a backup',
  'backup.restored': 'restored a backup',
};

const FIELD_WORDS: Record<string, string> = {
  session_idle_minutes: 'idle timeout',
  session_lifetime_minutes: 'session lifetime',
  ip_allowlist: 'IP allowlist',
  allowed_email_domains: 'allowed email domains',
};

function targetOf(r: AuditRecord): string {
  if (r.target_name) return r.target_name;
  if (!r.target_type) return 'something';
  const noun = r.target_type.replace(/_/g, ' ');
  return r.target_id ? `${noun} ${r.target_id}` : noun;
}

export function actorOf(r: AuditRecord): string {
  if (r.actor_name) return r.actor_name;
  if (r.actor_type === 'user') return r.actor_id ? `User ${r.actor_id}` : 'Someone';
  return WHO_ELSE[r.actor_type] ?? r.actor_type;
}

export function auditSentence(r: AuditRecord): string {
  const phrase = PHRASES[r.action];
  const what = phrase
    ? phrase.replace('{t}', targetOf(r))
    : `${r.action.replace(/[._]/g, ' ')} (${targetOf(r)})`;
  const fields = r.fields.map((f) => FIELD_WORDS[f] ?? f.replace(/_/g, ' '));
  const detail = fields.length > 0 ? ` (${fields.join(', ')})` : '';
  const failed = r.outcome === 'success' ? '' : r.outcome === 'denied' ? ' — refused' : ' — failed';
  return `${actorOf(r)} ${what}${detail}${failed}`;
}
