/**
 * Korean people and places for demo data: names staff can search by family name or by the
 * 2-syllable given name, 010 phones, 도로명 addresses with postcodes inside the right ranges (so
 * Jeju and island orders get the surcharge shippingFeeFor computes from the postcode).
 */
import type { Rng } from './random';

const FAMILY_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['김', 21], ['이', 15], ['박', 8], ['최', 5], ['정', 5], ['강', 2.5], ['조', 2.5], ['윤', 2.2], ['장', 2.1], ['임', 1.9],
  ['한', 1.5], ['오', 1.5], ['서', 1.4], ['신', 1.4], ['권', 1.3], ['황', 1.3], ['안', 1.3], ['송', 1.2], ['류', 1.2], ['전', 1.1],
  ['홍', 1.1], ['고', 0.9], ['문', 0.9], ['양', 0.8], ['손', 0.8], ['배', 0.8], ['백', 0.7], ['허', 0.6], ['유', 0.6], ['남', 0.5],
  ['심', 0.5], ['노', 0.4], ['하', 0.4], ['곽', 0.4], ['성', 0.4], ['차', 0.3], ['주', 0.3], ['우', 0.3], ['구', 0.3], ['민', 0.3],
];

const GIVEN_NAMES = [
  '민준', '서준', '도윤', '예준', '시우', '하준', '주원', '지호', '지후', '준우', '준서', '건우', '현우', '도현', '우진', '선우',
  '서진', '민재', '현준', '연우', '유준', '정우', '승우', '승현', '시윤', '준혁', '은우', '지환', '승민', '지훈', '민성', '영수',
  '성민', '상훈', '동현', '재현', '태윤', '경호', '병철', '광수', '정훈', '재원', '진우', '태현', '성호', '영호', '동욱', '형준',
  '서연', '서윤', '지우', '서현', '민서', '하은', '하윤', '윤서', '지유', '지민', '채원', '수아', '지아', '지윤', '다은', '은서',
  '예은', '수빈', '소율', '예린', '지원', '소윤', '유나', '채은', '하린', '가은', '예원', '수민', '영희', '미경', '은정', '지영',
  '혜진', '미영', '선영', '정희', '현정', '은영', '수진', '미숙', '경희', '순자', '옥순', '혜원', '보람', '아름', '다현', '나연',
];

const EMAIL_WORDS = ['sky', 'blue', 'happy', 'moon', 'star', 'sun', 'jin', 'min', 'hyun', 'soo', 'hana', 'duri', 'bom', 'haru', 'dal', 'byul'];
const EMAIL_DOMAINS: ReadonlyArray<readonly [string, number]> = [
  ['naver.com', 45], ['gmail.com', 30], ['daum.net', 12], ['kakao.com', 8], ['nate.com', 3], ['hanmail.net', 2],
];

export function koreanName(rng: Rng): string {
  return rng.weighted(FAMILY_NAMES) + rng.pick(GIVEN_NAMES);
}

export function mobilePhone(rng: Rng): string {
  return `010-${rng.int(2000, 9999)}-${rng.digits(4)}`;
}

/** `unique` makes member e-mails distinct (customers_email_key); guests may repeat. */
export function emailAddress(rng: Rng, unique?: number): string {
  const local = `${rng.pick(EMAIL_WORDS)}${unique === undefined ? rng.int(1, 9999) : `.${unique}`}`;
  return `${local}@${rng.weighted(EMAIL_DOMAINS)}`;
}

interface Region {
  city: string;
  from: number;
  to: number;
  roads: readonly string[];
}

/** Postcode ranges roughly as 국가기초구역번호 assigns them, district by district. */
const MAINLAND: ReadonlyArray<readonly [Region, number]> = [
  [{ city: '서울특별시 강남구', from: 6000, to: 6399, roads: ['테헤란로', '역삼로', '논현로', '도산대로', '선릉로', '봉은사로'] }, 8],
  [{ city: '서울특별시 마포구', from: 3900, to: 4199, roads: ['월드컵로', '양화로', '와우산로', '독막로', '마포대로'] }, 5],
  [{ city: '서울특별시 송파구', from: 5500, to: 5899, roads: ['올림픽로', '송파대로', '백제고분로', '오금로'] }, 6],
  [{ city: '서울특별시 관악구', from: 8700, to: 8899, roads: ['관악로', '남부순환로', '봉천로'] }, 4],
  [{ city: '서울특별시 노원구', from: 1600, to: 1899, roads: ['동일로', '노해로', '상계로'] }, 4],
  [{ city: '부산광역시 해운대구', from: 48000, to: 48199, roads: ['해운대로', '센텀중앙로', '달맞이길'] }, 4],
  [{ city: '부산광역시 부산진구', from: 47100, to: 47399, roads: ['중앙대로', '서면로', '가야대로'] }, 3],
  [{ city: '대구광역시 수성구', from: 42000, to: 42299, roads: ['달구벌대로', '동대구로', '범어로'] }, 4],
  [{ city: '인천광역시 연수구', from: 21900, to: 22099, roads: ['컨벤시아대로', '송도과학로', '인천타워대로'] }, 4],
  [{ city: '광주광역시 서구', from: 61900, to: 62099, roads: ['상무대로', '치평로', '운천로'] }, 3],
  [{ city: '대전광역시 유성구', from: 34000, to: 34299, roads: ['대학로', '유성대로', '엑스포로'] }, 3],
  [{ city: '울산광역시 남구', from: 44600, to: 44799, roads: ['삼산로', '번영로', '돋질로'] }, 2],
  [{ city: '세종특별자치시', from: 30000, to: 30199, roads: ['한누리대로', '도움로', '갈매로'] }, 2],
  [{ city: '경기도 성남시 분당구', from: 13400, to: 13699, roads: ['판교역로', '분당로', '정자일로', '황새울로'] }, 7],
  [{ city: '경기도 수원시 영통구', from: 16400, to: 16599, roads: ['광교중앙로', '영통로', '매영로'] }, 6],
  [{ city: '경기도 고양시 일산동구', from: 10300, to: 10499, roads: ['중앙로', '일산로', '장백로'] }, 5],
  [{ city: '경기도 용인시 수지구', from: 16800, to: 16999, roads: ['포은대로', '수지로', '문정로'] }, 5],
  [{ city: '강원특별자치도 춘천시', from: 24200, to: 24499, roads: ['중앙로', '금강로', '퇴계로'] }, 2],
  [{ city: '충청북도 청주시 흥덕구', from: 28300, to: 28599, roads: ['가경로', '직지대로', '2순환로'] }, 2],
  [{ city: '충청남도 천안시 서북구', from: 31000, to: 31299, roads: ['불당대로', '번영로', '검은돌로'] }, 2],
  [{ city: '전북특별자치도 전주시 완산구', from: 54900, to: 55199, roads: ['팔달로', '효자로', '홍산로'] }, 2],
  [{ city: '전라남도 순천시', from: 57900, to: 58099, roads: ['중앙로', '연향로', '왕지로'] }, 1],
  [{ city: '경상북도 포항시 남구', from: 37600, to: 37899, roads: ['포스코대로', '대잠로', '희망대로'] }, 1],
  [{ city: '경상남도 창원시 성산구', from: 51400, to: 51599, roads: ['중앙대로', '원이대로', '창이대로'] }, 2],
];

/** 63000–63644 is all Jeju; the island ranges lie inside SAMPLE_ISLAND_POSTCODE_RANGES. */
const JEJU: readonly Region[] = [
  { city: '제주특별자치도 제주시', from: 63000, to: 63399, roads: ['노연로', '연북로', '중앙로', '첨단로', '애조로'] },
  { city: '제주특별자치도 서귀포시', from: 63500, to: 63644, roads: ['중정로', '일주동로', '516로', '신중로'] },
];
const ISLANDS: readonly Region[] = [
  { city: '경상북도 울릉군 울릉읍', from: 40200, to: 40240, roads: ['도동길', '울릉순환로', '저동길'] },
  { city: '인천광역시 옹진군 백령면', from: 23124, to: 23136, roads: ['백령로', '진촌로'] },
  { city: '전라남도 신안군 흑산면', from: 58800, to: 58866, roads: ['흑산일주로', '예리길'] },
  { city: '경상남도 통영시 욕지면', from: 53089, to: 53104, roads: ['욕지일주로', '동항길'] },
];

const APARTMENTS = ['래미안', '자이', '푸르지오', '힐스테이트', '아이파크', 'e편한세상', '롯데캐슬', '더샵'];
const DELIVERY_NOTES: ReadonlyArray<readonly [string | null, number]> = [
  [null, 40], ['문 앞에 놓아주세요', 20], ['부재 시 경비실에 맡겨주세요', 12], ['배송 전 연락 바랍니다', 10],
  ['택배함에 넣어주세요', 8], ['공동현관 비밀번호 #1234', 5], ['파손 주의 부탁드립니다', 5],
];

export interface AddressDraft {
  postcode: string;
  address1: string;
  address2: string;
  deliveryNote: string | null;
}

export type AreaKind = 'mainland' | 'jeju' | 'island';

export function addressIn(rng: Rng, area: AreaKind): AddressDraft {
  const region = area === 'jeju' ? rng.pick(JEJU) : area === 'island' ? rng.pick(ISLANDS) : rng.weighted(MAINLAND);
  const postcode = String(rng.int(region.from, region.to)).padStart(5, '0');
  const building = rng.chance(0.15) ? `${rng.int(1, 200)}-${rng.int(1, 30)}` : String(rng.int(1, 480));
  const address2 =
    area === 'mainland' && rng.chance(0.6)
      ? `${rng.pick(APARTMENTS)} ${rng.int(101, 125)}동 ${rng.int(1, 25)}${String(rng.int(1, 4)).padStart(2, '0')}호`
      : rng.chance(0.5)
        ? `${rng.int(1, 5)}층`
        : `${rng.int(1, 3)}0${rng.int(1, 9)}호`;
  return { postcode, address1: `${region.city} ${rng.pick(region.roads)} ${building}`, address2, deliveryNote: rng.weighted(DELIVERY_NOTES) };
}

/** ~5% Jeju, ~1% islands, the rest mainland. */
export function randomArea(rng: Rng): AreaKind {
  return rng.weighted<AreaKind>([['mainland', 94], ['jeju', 5], ['island', 1]]);
}
