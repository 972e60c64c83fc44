import { z } from 'zod';
import { id, isoDateTime, isoDay } from './common';

/**
 * The shop's records, read by the owner: the audit log (감사 기록: sign-ins, settings, staff, API
 * keys, downloads, bulk jobs) and the personal-data access log (개인정보 접근 기록: every read of a
 * buyer's unmasked personal data). Both are kept (nothing deletes them) and read newest first.
 */

export const ACCESS_PURPOSES = ['detail', 'reveal', 'export', 'api'] as const;
export type AccessPurpose = (typeof ACCESS_PURPOSES)[number];
export const ACCESS_PURPOSE_LABELS: Record<AccessPurpose, { ko: string; en: string }> = {
  detail: { ko: '주문 상세 조회', en: 'Order detail' },
  reveal: { ko: '보기 (목록)', en: 'Revealed in the list' },
  export: { ko: '다운로드·출력', en: 'Download or print' },
  api: { ko: 'API 조회', en: 'API read' },
};
export const PERSONAL_FIELD_LABELS: Record<string, { ko: string; en: string }> = {
  name: { ko: '이름', en: 'Name' },
  phone: { ko: '연락처', en: 'Phone' },
  email: { ko: '이메일', en: 'E-mail' },
  address: { ko: '주소', en: 'Address' },
};

const limit = z.coerce.number().int().min(1).max(200).default(50);
/** `nextCursor` of the previous page (opaque). */
const cursor = z.string().max(200).optional();

export const accessLogFilterSchema = z.object({
  /** A staff member's id (actorKind staff) or an API key's id (actorKind api). */
  actorId: z.coerce.number().pipe(id).optional(),
  actorKind: z.enum(['staff', 'api']).optional(),
  purpose: z.enum(ACCESS_PURPOSES).optional(),
  /** Seoul days, both included. */
  from: isoDay.optional(),
  to: isoDay.optional(),
  /** Entries that include this order. */
  orderNumber: z.string().trim().min(1).max(50).optional(),
});
export type AccessLogFilter = z.infer<typeof accessLogFilterSchema>;
export const accessLogQuerySchema = accessLogFilterSchema.extend({ limit, cursor });

export const accessLogEntrySchema = z
  .object({
    id,
    createdAt: isoDateTime,
    actorKind: z.enum(['staff', 'api']),
    actorId: id,
    actorName: z.string(),
    purpose: z.enum(ACCESS_PURPOSES),
    /** The orders read (at most 10,000 kept; `orderCount` is the whole number). */
    orderIds: z.array(id),
    orderCount: z.number().int(),
    /** The first orders' numbers, for the table. */
    orderNumbers: z.array(z.string()),
    fields: z.array(z.string()),
    clientAddress: z.string().nullable(),
    reason: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'PersonalDataAccess' });
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;
export const accessLogListSchema = z.object({ items: z.array(accessLogEntrySchema), nextCursor: z.string().nullable() }).meta({ id: 'PersonalDataAccessList' });

/** The audit log's groups, as its filter offers them; a kind not named here shows under none. */
export const AUDIT_KIND_GROUPS = {
  sign_in: ['sign_in_succeeded', 'sign_in_failed', 'sign_in_refused', 'sign_in_locked', 'sign_in_lock_lifted', 'api_key_failed', 'api_key_refused', 'api_key_locked'],
  settings: ['settings_changed'],
  staff: ['staff_invited', 'staff_invite_revoked', 'staff_joined', 'staff_role_changed', 'staff_deactivated', 'staff_reactivated', 'staff_password_reset'],
  api_keys: ['api_key_created', 'api_key_revoked'],
  downloads: ['export_downloaded'],
  bulk: ['bulk_job_started'],
} as const;
export type AuditGroup = keyof typeof AUDIT_KIND_GROUPS;
export const AUDIT_GROUPS = Object.keys(AUDIT_KIND_GROUPS) as AuditGroup[];
export const AUDIT_GROUP_LABELS: Record<AuditGroup, { ko: string; en: string }> = {
  sign_in: { ko: '로그인', en: 'Sign-in' },
  settings: { ko: '설정', en: 'Settings' },
  staff: { ko: '직원·권한', en: 'Staff and roles' },
  api_keys: { ko: 'API 키', en: 'API keys' },
  downloads: { ko: '다운로드', en: 'Downloads' },
  bulk: { ko: '일괄 처리', en: 'Bulk jobs' },
};
export const AUDIT_KIND_LABELS: Record<string, { ko: string; en: string }> = {
  sign_in_succeeded: { ko: '로그인', en: 'Signed in' },
  sign_in_failed: { ko: '로그인 실패', en: 'Sign-in failed' },
  sign_in_refused: { ko: '로그인 거부 (잠김)', en: 'Sign-in refused (locked)' },
  sign_in_locked: { ko: '계정 잠김', en: 'Account locked' },
  sign_in_lock_lifted: { ko: '계정 잠금 해제', en: 'Lock lifted' },
  api_key_failed: { ko: '잘못된 API 키', en: 'Wrong API key' },
  api_key_refused: { ko: 'API 키 거부', en: 'API key refused' },
  api_key_locked: { ko: 'API 키 접근 차단', en: 'API key guesses blocked' },
  settings_changed: { ko: '설정 변경', en: 'Settings changed' },
  staff_invited: { ko: '직원 초대', en: 'Staff invited' },
  staff_invite_revoked: { ko: '초대 취소', en: 'Invitation revoked' },
  staff_joined: { ko: '직원 가입', en: 'Staff joined' },
  staff_role_changed: { ko: '권한 변경', en: 'Role changed' },
  staff_deactivated: { ko: '직원 비활성화', en: 'Staff deactivated' },
  staff_reactivated: { ko: '직원 재활성화', en: 'Staff reactivated' },
  staff_password_reset: { ko: '비밀번호 재설정', en: 'Password reset' },
  api_key_created: { ko: 'API 키 발급', en: 'API key created' },
  api_key_revoked: { ko: 'API 키 폐기', en: 'API key revoked' },
  export_downloaded: { ko: '다운로드', en: 'Downloaded' },
  bulk_job_started: { ko: '일괄 처리 시작', en: 'Bulk job started' },
};

export const auditEventQuerySchema = z.object({
  group: z.enum(AUDIT_GROUPS as [AuditGroup, ...AuditGroup[]]).optional(),
  staffId: z.coerce.number().pipe(id).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  limit,
  cursor,
});
export type AuditEventQuery = z.infer<typeof auditEventQuerySchema>;

export const auditEventSchema = z
  .object({
    id,
    createdAt: isoDateTime,
    kind: z.string(),
    /** The kind in words, in the request's language. */
    kindLabel: z.string(),
    group: z.enum(AUDIT_GROUPS as [AuditGroup, ...AuditGroup[]]).nullable(),
    staffId: id.nullable(),
    staffName: z.string().nullable(),
    subject: z.string().nullable(),
    clientAddress: z.string().nullable(),
    /** Before and after for changes; counts and filters for downloads and jobs. */
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEventItem = z.infer<typeof auditEventSchema>;
export const auditEventListSchema = z.object({ items: z.array(auditEventSchema), nextCursor: z.string().nullable() }).meta({ id: 'AuditEventList' });

/** What 보기 shows of one order: the orderer and every shipping address, unmasked. */
export const personalDataRevealSchema = z
  .object({
    orderId: id,
    orderer: z.object({ name: z.string(), phone: z.string(), email: z.string().nullable() }),
    addresses: z.array(
      z.object({ id, position: z.number().int(), recipientName: z.string(), recipientPhone: z.string(), postcode: z.string(), address1: z.string(), address2: z.string() }),
    ),
  })
  .meta({ id: 'PersonalDataReveal' });
export type PersonalDataReveal = z.infer<typeof personalDataRevealSchema>;
