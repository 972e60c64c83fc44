/**
 * The demo catalog: what a small Korean online shop sells. Prices end in 00 (as Korean shops
 * price), options read "색상: 블랙 / 사이즈: M" the way staff see them in order lists.
 */
export interface ProductSeed {
  name: string;
  /** SKU prefix by category */
  category: 'CL' | 'AC' | 'FD' | 'BT' | 'LV';
  price: number;
  /** option name, extra price */
  options: ReadonlyArray<readonly [string, number]>;
  /** stock per option, when the shop tracks it (limited editions, food with shelf life) */
  stock?: number;
}

const sizes = (color: string, list: readonly string[]) => list.map((s) => [`색상: ${color} / 사이즈: ${s}`, 0] as const);
const colors = (list: readonly string[]) => list.map((c) => [`색상: ${c}`, 0] as const);
const one = (name: string) => [[name, 0]] as const;

export const PRODUCT_SEEDS: readonly ProductSeed[] = [
  // 의류
  { name: '베이직 코튼 라운드 티셔츠', category: 'CL', price: 19900, options: [...sizes('화이트', ['S', 'M', 'L']), ...sizes('블랙', ['S', 'M', 'L'])] },
  { name: '오버핏 스웨트셔츠', category: 'CL', price: 39900, options: [...sizes('멜란지 그레이', ['M', 'L']), ...sizes('네이비', ['M', 'L'])] },
  { name: '와이드 데님 팬츠', category: 'CL', price: 49900, options: [...sizes('연청', ['S', 'M', 'L']), ...sizes('진청', ['M', 'L'])] },
  { name: '린넨 반팔 셔츠', category: 'CL', price: 35900, options: [...sizes('베이지', ['M', 'L', 'XL']), ...sizes('스카이블루', ['M', 'L'])] },
  { name: '캐시미어 블렌드 니트', category: 'CL', price: 89000, options: [...sizes('오트밀', ['FREE']), ...sizes('차콜', ['FREE'])], stock: 300 },
  { name: '경량 패딩 조끼', category: 'CL', price: 59900, options: [...sizes('블랙', ['M', 'L', 'XL']), ...sizes('카키', ['M', 'L', 'XL'])] },
  { name: '울 블렌드 싱글 코트', category: 'CL', price: 189000, options: [...sizes('카멜', ['S', 'M']), ...sizes('블랙', ['S', 'M', 'L'])], stock: 120 },
  { name: '플리스 집업 자켓', category: 'CL', price: 45900, options: [...sizes('아이보리', ['M', 'L']), ...sizes('브라운', ['M', 'L'])] },
  { name: '골지 양말 5족 세트', category: 'CL', price: 9900, options: colors(['화이트', '블랙', '혼합']) },
  { name: '밴딩 슬랙스', category: 'CL', price: 32900, options: [...sizes('그레이', ['S', 'M', 'L']), ...sizes('블랙', ['S', 'M', 'L'])] },
  { name: '여름 린넨 원피스', category: 'CL', price: 69000, options: [...sizes('아이보리', ['S', 'M']), ...sizes('민트', ['S', 'M'])] },
  // 잡화
  { name: '캔버스 에코백', category: 'AC', price: 15900, options: colors(['내추럴', '블랙', '네이비']) },
  { name: '소가죽 카드지갑', category: 'AC', price: 29000, options: colors(['블랙', '탄', '버건디']), stock: 500 },
  { name: '미니 크로스백', category: 'AC', price: 54000, options: colors(['블랙', '크림', '올리브']) },
  { name: '볼캡 모자', category: 'AC', price: 22900, options: colors(['블랙', '베이지', '네이비', '그린']) },
  { name: '실버 925 체인 목걸이', category: 'AC', price: 39000, options: [['길이: 40cm', 0], ['길이: 45cm', 2000], ['길이: 50cm', 4000]] },
  { name: '방수 노트북 파우치 15인치', category: 'AC', price: 27900, options: colors(['그레이', '블랙']) },
  { name: '3단 자동 우산', category: 'AC', price: 18900, options: colors(['블랙', '네이비', '체크']) },
  { name: '스테인리스 텀블러 500ml', category: 'AC', price: 24900, options: colors(['실버', '매트블랙', '화이트', '민트']) },
  // 식품
  { name: '제주 감귤 5kg', category: 'FD', price: 29900, options: [['크기: 로얄과 (S)', 0], ['크기: 중과 (M)', 3000], ['크기: 대과 (L)', 5000]], stock: 800 },
  { name: '국산 햇 아몬드 1kg', category: 'FD', price: 21900, options: one('중량: 1kg') },
  { name: '유기농 현미 10kg', category: 'FD', price: 45900, options: [['도정: 현미', 0], ['도정: 7분도', 1000], ['도정: 백미', 2000]] },
  { name: '수제 그래놀라 500g', category: 'FD', price: 12900, options: [['맛: 오리지널', 0], ['맛: 초코', 500], ['맛: 베리', 1000]] },
  { name: '콜드브루 원액 1L', category: 'FD', price: 17900, options: [['원두: 콜롬비아', 0], ['원두: 에티오피아', 2000]] },
  { name: '한우 선물세트 1.2kg', category: 'FD', price: 159000, options: [['구성: 등심+채끝', 0], ['구성: 등심+안심', 20000]], stock: 150 },
  { name: '전통 된장 1kg', category: 'FD', price: 15900, options: one('용량: 1kg') },
  { name: '유기농 녹차 티백 50개입', category: 'FD', price: 8900, options: one('구성: 50개입') },
  { name: '단백질 쉐이크 14팩', category: 'FD', price: 34900, options: [['맛: 초코', 0], ['맛: 바닐라', 0], ['맛: 곡물', 0], ['맛: 딸기', 0]] },
  { name: '무농약 샤인머스캣 2kg', category: 'FD', price: 39900, options: [['등급: 특', 0], ['등급: 상', -5000]], stock: 400 },
  // 화장품
  { name: '수분 진정 토너 200ml', category: 'BT', price: 18900, options: one('용량: 200ml') },
  { name: '히알루론산 세럼 50ml', category: 'BT', price: 32000, options: [['용량: 30ml', -8000], ['용량: 50ml', 0]] },
  { name: '데일리 선크림 SPF50+', category: 'BT', price: 16900, options: [['타입: 무기자차', 0], ['타입: 혼합자차', 0]] },
  { name: '약산성 클렌징 폼 150ml', category: 'BT', price: 11900, options: one('용량: 150ml') },
  { name: '쿠션 파운데이션 본품+리필', category: 'BT', price: 38000, options: [['호수: 13호', 0], ['호수: 21호', 0], ['호수: 23호', 0]] },
  { name: '립 틴트 4.5g', category: 'BT', price: 12900, options: [['색상: 01 로즈', 0], ['색상: 02 코랄', 0], ['색상: 03 체리', 0], ['색상: 04 누드', 0], ['색상: 05 레드', 0]] },
  { name: '비타민 C 앰플 30ml', category: 'BT', price: 27900, options: one('용량: 30ml'), stock: 600 },
  // 리빙
  { name: '순면 호텔 수건 5장', category: 'LV', price: 24900, options: colors(['화이트', '그레이', '베이지']) },
  { name: '모달 차렵이불 세트', category: 'LV', price: 99000, options: [['사이즈: SS', 0], ['사이즈: Q', 20000], ['사이즈: K', 30000]] },
  { name: '세라믹 머그컵 2P', category: 'LV', price: 19800, options: colors(['화이트', '차콜', '버터']) },
  { name: '원목 도마 (대)', category: 'LV', price: 34000, options: one('사이즈: 대 (40×25cm)') },
  { name: '대용량 디퓨저 500ml', category: 'LV', price: 28900, options: [['향: 블랙체리', 0], ['향: 화이트머스크', 0], ['향: 피그', 0], ['향: 우드세이지', 0]] },
  { name: '규조토 발매트', category: 'LV', price: 5900, options: one('사이즈: 60×39cm') },
];
