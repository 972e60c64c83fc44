import type { Executor } from '../db/client';
import { securityEvents } from '../db/schema/index';
import type { Principal } from '../auth/principal';

/** What the shop's audit log (security_events) records; the screen's filter groups them. */
export type AuditKind =
  // the doors
  | 'sign_in_succeeded'
  | 'sign_in_failed'
  | 'sign_in_refused'
  | 'sign_in_locked'
  | 'sign_in_lock_lifted'
  | 'api_key_failed'
  | 'api_key_refused'
  | 'api_key_locked'
  // administration
  | 'settings_changed'
  | 'staff_invited'
  | 'staff_invite_revoked'
  | 'staff_joined'
  | 'staff_role_changed'
  | 'staff_deactivated'
  | 'staff_reactivated'
  | 'staff_password_reset'
  | 'api_key_created'
  | 'api_key_revoked'
  | 'export_downloaded'
  | 'bulk_job_started';

export interface AuditEvent {
  kind: AuditKind;
  shopId?: number | null;
  /** Who acted (or, at the doors, whose account was tried). */
  staffId?: number | null;
  /** What it was about: an e-mail, a key's name, a setting's section … */
  subject?: string | null;
  clientAddress?: string | null;
  /** Before and after for changes; counts and filters for exports and jobs. */
  detail?: Record<string, unknown>;
}

/** Written in the transaction of the act it records, where there is one. */
export async function recordAuditEvent(db: Executor, event: AuditEvent) {
  await db.insert(securityEvents).values({
    kind: event.kind,
    shopId: event.shopId ?? null,
    staffId: event.staffId ?? null,
    subject: event.subject ?? null,
    clientAddress: event.clientAddress ?? null,
    detail: event.detail ?? {},
  });
}

/** The acting principal as the audit log names it: a staff member by id, an API key by name. */
export function auditActorOf(principal: Principal): Pick<AuditEvent, 'shopId' | 'staffId'> & { detail: Record<string, unknown> } {
  return principal.kind === 'staff'
    ? { shopId: principal.shopId, staffId: principal.staffId, detail: {} }
    : { shopId: principal.shopId, staffId: null, detail: { apiKey: principal.keyName, apiKeyId: principal.keyId } };
}
