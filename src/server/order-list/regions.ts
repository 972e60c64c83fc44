import type { Region } from '../../contracts/order-filter';
import { remoteAreaOf } from '../../domain/shipping-fee';

/**
 * Province (시·도) by the first two digits of the 5-digit postcode (국가기초구역번호, 2015):
 *
 * | digits | region | digits | region | digits | region |
 * | --- | --- | --- | --- | --- | --- |
 * | 01–09 | 서울 seoul | 30 | 세종 sejong | 46–49 | 부산 busan |
 * | 10–18 | 경기 gyeonggi | 31–33 | 충남 chungnam | 50–53 | 경남 gyeongnam |
 * | 21–23 | 인천 incheon | 34–35 | 대전 daejeon | 54–56 | 전북 jeonbuk |
 * | 24–26 | 강원 gangwon | 36–40 | 경북 gyeongbuk | 57–60 | 전남 jeonnam |
 * | 27–29 | 충북 chungbuk | 41–43 | 대구 daegu | 61–62 | 광주 gwangju |
 * | | | 44–45 | 울산 ulsan | 63 | 제주 jeju |
 *
 * 00, 19 and 20 are not assigned: such a postcode has no province. A remote island (by the
 * island table of src/domain/shipping-fee.ts) is also 'island', besides its province, so
 * "경북" includes 울릉도 and "도서산간" finds it too.
 */
const PROVINCES: ReadonlyArray<readonly [number, number, Region]> = [
  [1, 9, 'seoul'], [10, 18, 'gyeonggi'], [21, 23, 'incheon'], [24, 26, 'gangwon'], [27, 29, 'chungbuk'], [30, 30, 'sejong'],
  [31, 33, 'chungnam'], [34, 35, 'daejeon'], [36, 40, 'gyeongbuk'], [41, 43, 'daegu'], [44, 45, 'ulsan'], [46, 49, 'busan'],
  [50, 53, 'gyeongnam'], [54, 56, 'jeonbuk'], [57, 60, 'jeonnam'], [61, 62, 'gwangju'], [63, 63, 'jeju'],
];

export function regionsOfPostcode(postcode: string): Region[] {
  const trimmed = postcode.trim();
  if (!/^\d{5}$/.test(trimmed)) return [];
  const prefix = Number(trimmed.slice(0, 2));
  const province = PROVINCES.find(([from, to]) => prefix >= from && prefix <= to)?.[2];
  const regions: Region[] = province ? [province] : [];
  if (remoteAreaOf(trimmed) === 'island') regions.push('island');
  return regions;
}
