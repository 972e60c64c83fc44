/**
 * The product screens' words, in Korean (the default). en.ts has the same shape (the
 * `ProductsDictionary` type makes a missing key a type error). Money and common words come from the
 * app dictionary (app/i18n).
 */
export const productsKo = {
  title: '상품',
  detailTitle: '상품 정보',
  backToList: '상품 목록으로',
  readOnlyHint: '상품은 쇼핑몰(스토어프론트)에서 관리합니다. 이 화면은 조회 전용입니다.',
  search: '상품 검색',
  searchPlaceholder: '상품명 일부를 입력해 검색',
  loading: '상품을 불러오는 중…',
  empty: '상품이 없습니다.',
  emptyForKeyword: '이름에 검색어가 들어간 상품이 없습니다.',
  loadMore: '상품 더 보기',
  notFound: '상품을 찾을 수 없습니다. 다른 쇼핑몰의 상품이거나 없는 상품입니다.',
  columns: { name: '상품명', status: '상태', price: '판매가', options: '옵션' },
  optionColumns: { option: '옵션', sku: 'SKU', extraPrice: '옵션 추가금', unitPrice: '옵션 판매가', stock: '재고' },
  status: { active: '판매중', hidden: '숨김', inactive: '판매중지' },
  externalId: '쇼핑몰 상품 ID',
  optionNames: '옵션명',
  noOptions: '옵션 없음',
  noExternalId: '주문 관리에서 등록한 상품',
  untracked: '재고 관리 안 함',
  optionCount: (n: number) => `옵션 ${n}개`,
  openProduct: (name: string) => `상품 정보 보기: ${name}`,
};
export type ProductsDictionary = typeof productsKo;
