import { SCOPE_LABELS, type ApiScope } from '../../../../../contracts/permissions';

export const apiKeysKo = {
  title: 'API 키',
  hint: '스토어프론트와 외부 연동이 API를 부를 때 쓰는 키입니다. 키는 고른 범위의 일만 할 수 있고, 직원·API 키·설정·결제대행사 키·감사 기록은 어떤 키로도 다룰 수 없습니다.',
  add: 'API 키 발급',
  loading: '불러오는 중',
  empty: '발급된 API 키가 없습니다.',
  columns: { name: '이름', scopes: '범위', prefix: '키', created: '발급', lastUsed: '마지막 사용', state: '상태', actions: '' },
  never: '사용 기록 없음',
  live: '사용 중',
  revokedAt: (when: string, who: string | null) => (who ? `${when} 폐기 (${who})` : `${when} 폐기`),
  createdBy: (who: string | null) => (who ? `${who}` : '쇼핑몰 개설 시'),
  revoke: '폐기',
  revokeTitle: 'API 키 폐기',
  revokeConfirm: (name: string) => `'${name}' 키를 폐기할까요? 이 키를 쓰는 연동은 바로 다음 요청부터 거절됩니다. 되돌릴 수 없습니다.`,
  revoked: 'API 키를 폐기했습니다.',
  cancel: '취소',
  create: {
    title: 'API 키 발급',
    name: '이름',
    namePlaceholder: '예: 자사몰 스토어프론트',
    scopes: '범위',
    scopesHint: '하나 이상 고르세요. 필요한 만큼만 주세요.',
    scopesRequired: '범위를 하나 이상 고르세요.',
    submit: '발급',
    secretTitle: '새 API 키',
    secretWarning: '이 키는 지금 한 번만 보여 드립니다. 복사해서 연동 서버 설정에 안전하게 보관하세요. 잃어버리면 새로 발급하고 이 키는 폐기하세요.',
    copy: '복사',
    copied: '복사됨',
    done: '확인',
  },
  scopeLabels: SCOPE_LABELS as Record<ApiScope, string>,
  scopeAllows: {
    intake: '주문 등록 (스토어프론트의 주문 접수)',
    catalog: '상품·회원·쿠폰·적립금 동기화, 웹훅 등록',
    read: '주문 조회와 개인정보 보기',
    write: '상태 변경, 송장, 메모, 취소·반품·교환, 환불(직원 환불 한도까지), 일괄 처리',
  } satisfies Record<ApiScope, string>,
};

export type ApiKeysDictionary = typeof apiKeysKo;

/** The menu's word, read by the shell (which has no dictionary of this screen). */
export const API_KEYS_MENU = { ko: apiKeysKo.title, en: 'API keys' } as const;
