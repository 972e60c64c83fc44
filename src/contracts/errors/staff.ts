import type { ErrorEntries } from './entries';

/** Errors of managing staff: invitations, roles, deactivation, one-time links. */
export const STAFF_ERRORS = {
  STAFF_NOT_FOUND: { status: 404, ko: '직원을 찾을 수 없습니다.', en: 'The staff member was not found.' },
  STAFF_EMAIL_TAKEN: { status: 409, ko: '이미 이 쇼핑몰의 직원인 이메일입니다.', en: 'This e-mail already belongs to a staff member of this shop.' },
  STAFF_ALREADY_INVITED: { status: 409, ko: '이미 초대한 이메일입니다. 기존 초대를 취소한 뒤 다시 초대하세요.', en: 'This e-mail has a pending invitation. Revoke it to invite again.' },
  STAFF_INVITATION_NOT_FOUND: { status: 404, ko: '대기 중인 초대를 찾을 수 없습니다.', en: 'No pending invitation was found.' },
  STAFF_SELF_CHANGE: { status: 409, ko: '자기 자신의 권한을 바꾸거나 비활성화할 수 없습니다.', en: 'You cannot change your own role or deactivate yourself.' },
  LAST_OWNER: { status: 409, ko: '마지막 대표는 권한을 바꾸거나 비활성화할 수 없습니다.', en: 'The last active owner cannot be demoted or deactivated.' },
  STAFF_INACTIVE: { status: 409, ko: '비활성화된 직원입니다. 먼저 다시 활성화하세요.', en: 'This staff member is deactivated. Reactivate them first.' },
  STAFF_ROLE_NOT_ALLOWED: { status: 403, ko: '이 권한을 줄 수 없습니다.', en: 'You may not give this role.' },
  STAFF_LINK_NOT_FOUND: { status: 404, ko: '링크가 올바르지 않습니다. 받은 링크를 다시 확인하세요.', en: 'This link is not valid. Check the link you received.' },
  STAFF_LINK_GONE: { status: 410, ko: '이미 사용했거나 만료·취소된 링크입니다. 대표에게 새 링크를 요청하세요.', en: 'This link was already used, has expired or was revoked. Ask the owner for a new one.' },
} satisfies ErrorEntries;
