/**
 * Courier names for display. Parcels keep what was entered — a short code (CJ, HANJIN … as the
 * demo data and the tracking upload store them) or a name typed by staff — so known codes are
 * shown by name. Repeats the names of src/domain/couriers.ts (the web may not import the domain).
 */
const COURIERS: ReadonlyArray<{ code: string; ko: string; en: string }> = [
  { code: 'CJ', ko: 'CJ대한통운', en: 'CJ Logistics' },
  { code: 'EPOST', ko: '우체국택배', en: 'Korea Post' },
  { code: 'HANJIN', ko: '한진택배', en: 'Hanjin' },
  { code: 'LOTTE', ko: '롯데택배', en: 'Lotte Global Logistics' },
  { code: 'LOGEN', ko: '로젠택배', en: 'Logen' },
  { code: 'KD', ko: '경동택배', en: 'Kyungdong Express' },
  { code: 'DS', ko: '대신택배', en: 'Daesin Logistics' },
  { code: 'IY', ko: '일양로지스', en: 'Ilyang Logis' },
  { code: 'CVS', ko: '편의점택배', en: 'Convenience store (CVSnet)' },
  { code: 'HD', ko: '합동택배', en: 'Hapdong Express' },
  { code: 'CHUNIL', ko: '천일택배', en: 'Chunil Express' },
];

export const courierNames = (lang: 'ko' | 'en') => COURIERS.map((c) => c[lang]);

export function courierName(courier: string, lang: 'ko' | 'en'): string {
  const found = COURIERS.find((c) => c.code === courier.toUpperCase());
  return found ? found[lang] : courier;
}

/**
 * Where staff follow the parcel: a web search for "택배사 송장번호", which shows every Korean
 * courier's tracking (no courier-specific URLs to keep up to date).
 */
export const trackingHref = (courier: string, trackingNumber: string) =>
  `https://search.naver.com/search.naver?query=${encodeURIComponent(`${courier} ${trackingNumber}`)}`;
