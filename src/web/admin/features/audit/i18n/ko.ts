export const auditKo = {
  audit: {
    title: '감사 기록',
    hint: '로그인, 설정 변경, 직원·권한, API 키, 다운로드, 일괄 처리의 기록입니다. 삭제되지 않고 보관됩니다.',
    group: '구분',
    staff: '직원',
    columns: { when: '일시', who: '누가', what: '무엇을', subject: '대상', from: '접속 IP', details: '내용' },
    system: '시스템',
  },
  access: {
    title: '개인정보 접근 기록',
    hint: '가려지지 않은 개인정보를 본 기록입니다: 주문 상세, 목록의 보기, 다운로드·출력, API 조회. 삭제되지 않고 보관됩니다.',
    purpose: '목적',
    actor: '접근자',
    orderNumber: '주문번호',
    columns: { when: '일시', who: '접근자', purpose: '목적', orders: '주문', fields: '항목', reason: '사유', from: '접속 IP' },
    download: '엑셀 다운로드',
    api: 'API 키',
    more: (n: number) => `외 ${n}건`,
  },
  all: '전체',
  from: '시작일',
  to: '종료일',
  apply: '검색',
  more: '더 보기',
  empty: '기록이 없습니다.',
};
export type AuditDictionary = typeof auditKo;
