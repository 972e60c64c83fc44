/**
 * Couriers (택배사) as staff write them, pure. A parcel stores the courier's short code (CJ,
 * HANJIN …: the Imweb codes of the Korean commerce reference, as the demo data stores them), so the
 * order list's courier filter finds parcels whoever entered them; people read the name
 * (courierLabel). Staff type the same courier many ways — "CJ대한통운", "cj 대한통운", "대한통운",
 * "CJ택배", PortOne's "CJGLS" — and all of them land on one code (courierCodeOf). A name this
 * table does not know is kept as typed where staff ship by hand (small couriers exist), while the
 * tracking upload refuses it rather than store a courier nobody can track.
 */

export interface Courier {
  code: string;
  ko: string;
  en: string;
}

interface CourierEntry extends Courier {
  /** Other spellings: PortOne codes, former company names, short forms. */
  aliases: readonly string[];
  /**
   * The courier's own public tracking page, `{number}` standing for the tracking number: what a
   * buyer opens from My Page. Couriers move these pages now and then; this is the one place to fix.
   */
  tracking: string;
}

const COURIER_TABLE: readonly CourierEntry[] = [
  { code: 'CJ', ko: 'CJ대한통운', en: 'CJ Logistics', aliases: ['대한통운', 'CJGLS', 'CJ GLS', '씨제이', '씨제이대한통운', 'CJ Logistics', 'CJ Korea Express'], tracking: 'https://trace.cjlogistics.com/next/tracking.html?wblNo={number}' },
  { code: 'EPOST', ko: '우체국택배', en: 'Korea Post', aliases: ['우체국', '우편', '우체국소포', 'Korea Post', 'KoreaPost'], tracking: 'https://service.epost.go.kr/trace.RetrieveDomRigiTraceList.comm?sid1={number}' },
  { code: 'HANJIN', ko: '한진택배', en: 'Hanjin', aliases: ['한진', 'Hanjin Express'], tracking: 'https://www.hanjin.com/kor/CMS/DeliveryMgr/WaybillResult.do?mCode=MN038&schLang=KR&wblnumText2={number}' },
  { code: 'LOTTE', ko: '롯데택배', en: 'Lotte Global Logistics', aliases: ['롯데', '롯데글로벌로지스', '현대택배', '현대로지스틱스', 'HYUNDAI', 'Lotte Logistics'], tracking: 'https://www.lotteglogis.com/home/reservation/tracking/linkView?InvNo={number}' },
  { code: 'LOGEN', ko: '로젠택배', en: 'Logen', aliases: ['로젠', 'KGB', 'KGB택배'], tracking: 'https://www.ilogen.com/web/personal/trace/{number}' },
  { code: 'KD', ko: '경동택배', en: 'Kyungdong Express', aliases: ['경동', 'KDEXP', '경동화물'], tracking: 'https://kdexp.com/service/delivery/etc/delivery.do?barcode={number}' },
  { code: 'DS', ko: '대신택배', en: 'Daesin Logistics', aliases: ['대신', 'DAESIN', '대신화물'], tracking: 'https://www.ds3211.co.kr/freight/internalFreightSearch.ht?billno={number}' },
  { code: 'IY', ko: '일양로지스', en: 'Ilyang Logis', aliases: ['일양', '일양택배', 'ILYANG'], tracking: 'https://www.ilyanglogis.com/functionality/tracking_result.asp?hawb_no={number}' },
  { code: 'CVS', ko: '편의점택배', en: 'Convenience store (CVSnet)', aliases: ['편의점', 'CVSNET', 'GS Postbox', 'GS편의점택배', 'GS25편의점택배'], tracking: 'https://www.cvsnet.co.kr/invoice/tracking.do?invoice_no={number}' },
  { code: 'HD', ko: '합동택배', en: 'Hapdong Express', aliases: ['합동', 'HDEXP'], tracking: 'https://hdexp.co.kr/basic_delivery.hd?barcode={number}' },
  { code: 'CHUNIL', ko: '천일택배', en: 'Chunil Express', aliases: ['천일'], tracking: 'https://www.chunil.co.kr/HTrace/HTrace.jsp?transNo={number}' },
  { code: 'REGISTPOST', ko: '우체국등기', en: 'Korea Post registered mail', aliases: ['등기', '등기우편', '우편등기'], tracking: 'https://service.epost.go.kr/trace.RetrieveRegiPrclDeliv.postal?sid1={number}' },
];

/**
 * The comparison form of a courier name: NFKC (full-width letters), lower case, without spaces,
 * punctuation or company-form words, and without a trailing 택배 ("로젠택배" = "로젠").
 */
export function courierKey(name: string): string {
  const plain = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\(주\)|㈜|주식회사/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
  const stripped = plain.endsWith('택배') ? plain.slice(0, -2) : plain;
  return stripped === '' ? plain : stripped;
}

const BY_KEY = new Map<string, Courier>();
const TRACKING_BY_CODE = new Map(COURIER_TABLE.map((c) => [c.code, c.tracking]));
for (const { code, ko, en, aliases } of COURIER_TABLE) {
  const courier: Courier = { code, ko, en };
  for (const name of [courier.code, courier.ko, courier.en, ...aliases]) {
    const key = courierKey(name);
    const taken = BY_KEY.get(key);
    // checked when the module loads: two couriers answering to one spelling would be a silent mix-up
    if (taken && taken.code !== courier.code) throw new Error(`courier spelling "${name}" names both ${taken.code} and ${courier.code}`);
    BY_KEY.set(key, courier);
  }
}

/** Every courier the upload accepts, in the order a picker lists them. */
export const COURIERS: readonly Courier[] = COURIER_TABLE.map(({ code, ko, en }) => ({ code, ko, en }));

/** The courier a spelling names, or null when it names none we know. */
export function findCourier(name: string): Courier | null {
  return BY_KEY.get(courierKey(name)) ?? null;
}

/**
 * What a parcel stores for a courier name, wherever it comes in (status change, bulk ship, claim
 * pickup and re-shipment, the list's courier filter): the code of a courier we know in any
 * spelling, otherwise the name trimmed, as typed. Storing a code again gives the same code.
 */
export function courierCodeOf(name: string): string {
  return findCourier(name)?.code ?? name.trim();
}

/**
 * What people read for a stored courier: the name of a known code (or spelling), otherwise the
 * text as it was entered (a parcel shipped by hand under a courier this table does not know).
 */
export function courierLabel(stored: string, lang: 'ko' | 'en'): string {
  return findCourier(stored)?.[lang] ?? stored;
}

/**
 * The courier's tracking page for a parcel, or null when the courier is one this table does not
 * know (shipped by hand under another name) or there is no number yet. The number is URL-encoded.
 */
export function trackingUrl(stored: string | null, trackingNumber: string | null): string | null {
  if (stored === null || trackingNumber === null || trackingNumber.trim() === '') return null;
  const code = findCourier(stored)?.code;
  const template = code === undefined ? undefined : TRACKING_BY_CODE.get(code);
  return template === undefined ? null : template.replace('{number}', encodeURIComponent(trackingNumber.trim()));
}
