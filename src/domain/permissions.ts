/**
 * Who may do what: one table of data, read by the server for every route (and by the few services
 * whose permission depends on the request's content), shown on the staff screen and in the README.
 * Staff act by role; storefronts and integrations act by the scopes of their API key and never
 * manage the shop (staff, keys, gateway keys, settings, records).
 */

export const STAFF_ROLES = ['owner', 'manager', 'staff', 'viewer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** What an API key may be given; a key holds one or more. */
export const API_SCOPES = ['intake', 'catalog', 'read', 'write'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Record<StaffRole, string> = { owner: '대표', manager: '매니저', staff: '직원', viewer: '조회 전용' };
export const SCOPE_LABELS: Record<ApiScope, string> = {
  intake: '주문 접수',
  catalog: '상품·회원·쿠폰·적립금',
  read: '주문 조회',
  write: '주문 처리',
};

interface PermissionRule {
  label: string;
  roles: readonly StaffRole[];
  scopes: readonly ApiScope[];
  /** A limit that applies below manager (see `refundCeilingFor`). */
  note?: string;
}

const EVERY_ROLE = STAFF_ROLES;
const STAFF_AND_UP = ['owner', 'manager', 'staff'] as const;
const MANAGER_AND_UP = ['owner', 'manager'] as const;
const OWNER = ['owner'] as const;

export const PERMISSIONS = {
  'orders.read': { label: '주문 조회', roles: EVERY_ROLE, scopes: ['read'] },
  'orders.intake': { label: '주문 등록', roles: STAFF_AND_UP, scopes: ['intake'] },
  'orders.update': { label: '주문 처리 (상태 변경, 입금 확인, 배송지, 수정, 추가 결제 요청, 송장 등록)', roles: STAFF_AND_UP, scopes: ['write'] },
  'memos.write': { label: '메모 작성 (자기 메모 수정·삭제)', roles: STAFF_AND_UP, scopes: ['write'] },
  'memos.moderate': { label: '다른 사람의 메모 삭제', roles: MANAGER_AND_UP, scopes: [] },
  'claims.request': { label: '취소·반품·교환 접수와 진행', roles: STAFF_AND_UP, scopes: ['write'] },
  'refunds.issue': { label: '환불', roles: STAFF_AND_UP, scopes: ['write'], note: '직원·API 키: 건당 환불 한도까지' },
  'claims.complete': { label: '반품·교환 완료 처리, 환불 완료·재시도', roles: MANAGER_AND_UP, scopes: [] },
  'claims.revert': { label: '클레임·환불·입금 확인 되돌리기', roles: MANAGER_AND_UP, scopes: [] },
  'bulk.run': { label: '일괄 처리', roles: STAFF_AND_UP, scopes: ['write'] },
  'bulk.cancel': { label: '일괄 취소', roles: MANAGER_AND_UP, scopes: [] },
  'views.write': { label: '탭·저장된 필터·택배 양식 관리', roles: STAFF_AND_UP, scopes: ['write'] },
  'personal.view': { label: '개인정보 보기 (상세, 보기 버튼)', roles: STAFF_AND_UP, scopes: ['read'] },
  'personal.export': { label: '개인정보 포함 엑셀 다운로드', roles: MANAGER_AND_UP, scopes: [] },
  'catalog.write': { label: '상품·회원·쿠폰·적립금 연동', roles: MANAGER_AND_UP, scopes: ['catalog'] },
  'settings.read': { label: '설정 보기', roles: EVERY_ROLE, scopes: [] },
  'settings.edit': { label: '쇼핑몰·배송·알림 설정 변경', roles: MANAGER_AND_UP, scopes: [] },
  'staff.read': { label: '직원 목록·로그인 잠금 보기', roles: MANAGER_AND_UP, scopes: [] },
  'staff.manage': { label: '직원 초대·권한·비활성화', roles: OWNER, scopes: [] },
  'api_keys.manage': { label: 'API 키 관리', roles: OWNER, scopes: [] },
  'gateway.manage': { label: '결제대행사 키·연동 비밀값', roles: OWNER, scopes: [] },
  // a storefront subscribes its own endpoints with its integration key (docs/integration.md)
  'webhooks.manage': { label: '웹훅 관리', roles: OWNER, scopes: ['catalog'] },
  'audit.read': { label: '감사 기록·개인정보 접근 기록', roles: OWNER, scopes: [] },
} as const satisfies Record<string, PermissionRule>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

/** Who is asking, as far as permissions go. */
export type Grantee = { kind: 'staff'; role: StaffRole } | { kind: 'api'; scopes: readonly ApiScope[] };

export function can(grantee: Grantee, permission: Permission): boolean {
  const rule: PermissionRule = PERMISSIONS[permission];
  return grantee.kind === 'staff' ? rule.roles.includes(grantee.role) : grantee.scopes.some((s) => rule.scopes.includes(s));
}

/**
 * The most one refund may return for this grantee: managers and owners have no ceiling (null);
 * staff and API keys stop at the shop's per-refund limit.
 */
export function refundCeilingFor(grantee: Grantee, shopLimit: number): number | null {
  return grantee.kind === 'staff' && (MANAGER_AND_UP as readonly StaffRole[]).includes(grantee.role) ? null : shopLimit;
}

/** A role may only hand out roles up to its own, and never change its own. */
export function mayAssignRole(assigner: StaffRole, role: StaffRole): boolean {
  return STAFF_ROLES.indexOf(role) >= STAFF_ROLES.indexOf(assigner);
}
