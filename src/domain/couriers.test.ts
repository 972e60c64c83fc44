import { describe, expect, it } from 'vitest';
import { COURIERS, courierCodeOf, courierKey, courierLabel, findCourier, trackingUrl } from './couriers';
import { describeEvent, trackingAssigned, trackingRemoved } from './events';

describe('findCourier', () => {
  it.each([
    ['CJ대한통운', 'CJ'], ['cj대한통운', 'CJ'], ['CJ 대한통운', 'CJ'], ['대한통운', 'CJ'], ['CJ택배', 'CJ'], ['ＣＪ대한통운', 'CJ'], ['CJGLS', 'CJ'], ['cj', 'CJ'],
    ['우체국택배', 'EPOST'], ['우체국', 'EPOST'], ['EPOST', 'EPOST'], ['한진택배', 'HANJIN'], ['한진', 'HANJIN'], ['(주)한진', 'HANJIN'],
    ['롯데택배', 'LOTTE'], ['현대택배', 'LOTTE'], ['HYUNDAI', 'LOTTE'], ['로젠택배', 'LOGEN'], ['KGB', 'LOGEN'], ['경동택배', 'KD'], ['KDEXP', 'KD'],
    ['대신택배', 'DS'], ['일양로지스', 'IY'], ['편의점택배', 'CVS'], ['CVSnet', 'CVS'], ['합동택배', 'HD'], ['천일택배', 'CHUNIL'], ['Korea Post', 'EPOST'],
  ])('%s → %s', (name, code) => {
    expect(findCourier(name)?.code).toBe(code);
  });

  it('refuses names it does not know, and the empty name', () => {
    for (const name of ['', '   ', '택배', '퀵서비스', 'DHL', 'ETC', '04']) expect(findCourier(name), name).toBeNull();
  });

  it('finds every courier by its code, Korean and English name', () => {
    for (const c of COURIERS) for (const name of [c.code, c.ko, c.en]) expect(findCourier(name)?.code).toBe(c.code);
  });

  it('compares without spaces, punctuation, company words or a trailing 택배', () => {
    expect(courierKey(' CJ-대한통운 (주) ')).toBe('cj대한통운');
    expect(courierKey('로젠택배')).toBe('로젠');
    expect(courierKey('택배')).toBe('택배');
  });
});

describe('courierLabel', () => {
  it('names a stored code, and keeps what it does not know as entered', () => {
    expect(courierLabel('CJ', 'ko')).toBe('CJ대한통운');
    expect(courierLabel('HANJIN', 'en')).toBe('Hanjin');
    expect(courierLabel('CJ대한통운', 'ko')).toBe('CJ대한통운');
    expect(courierLabel('동네퀵', 'ko')).toBe('동네퀵');
  });
});

describe('courierCodeOf', () => {
  it('stores a known courier as its code, whatever the spelling', () => {
    const spellings: Array<[string, string]> = [['CJ대한통운', 'CJ'], [' cj 대한통운 ', 'CJ'], ['대한통운', 'CJ'], ['한진택배', 'HANJIN'], ['Korea Post', 'EPOST'], ['현대택배', 'LOTTE']];
    for (const [name, code] of spellings) expect(courierCodeOf(name), name).toBe(code);
  });

  it('keeps a code as it is, so normalizing twice changes nothing', () => {
    for (const c of COURIERS) {
      expect(courierCodeOf(c.code)).toBe(c.code);
      expect(courierCodeOf(courierCodeOf(c.ko))).toBe(c.code);
    }
  });

  it('keeps a name it does not know as typed, only trimmed', () => {
    expect(courierCodeOf('  동네퀵 서비스 ')).toBe('동네퀵 서비스');
    expect(courierCodeOf('DHL')).toBe('DHL');
    expect(courierLabel(courierCodeOf(' 동네퀵 '), 'ko')).toBe('동네퀵');
  });
});

describe('the timeline names the courier', () => {
  it('reads a stored code as the courier name, in the reader language', () => {
    const assigned = trackingAssigned({ kind: 'system' }, { shipmentId: 1, courier: 'CJ', trackingNumber: '640123456789' });
    expect(describeEvent(assigned.event, 'ko')).toBe('송장번호가 등록되었습니다 (CJ대한통운 640123456789)');
    expect(describeEvent(assigned.event, 'en')).toBe('Tracking number assigned (CJ Logistics 640123456789)');
    const removed = trackingRemoved({ kind: 'system' }, { shipmentId: 1, courier: '동네퀵', trackingNumber: '1234' });
    expect(describeEvent(removed.event, 'ko')).toBe('송장번호를 취소했습니다 (동네퀵 1234)');
  });
});

describe('trackingUrl', () => {
  it.each([
    ['CJ', 'https://trace.cjlogistics.com/next/tracking.html?wblNo=640123456789'],
    ['HANJIN', 'https://www.hanjin.com/kor/CMS/DeliveryMgr/WaybillResult.do?mCode=MN038&schLang=KR&wblnumText2=640123456789'],
    ['LOTTE', 'https://www.lotteglogis.com/home/reservation/tracking/linkView?InvNo=640123456789'],
    ['EPOST', 'https://service.epost.go.kr/trace.RetrieveDomRigiTraceList.comm?sid1=640123456789'],
    ['LOGEN', 'https://www.ilogen.com/web/personal/trace/640123456789'],
    ['KD', 'https://kdexp.com/service/delivery/etc/delivery.do?barcode=640123456789'],
  ])('links a %s parcel to the courier tracking page', (code, url) => {
    expect(trackingUrl(code, '640123456789')).toBe(url);
  });

  it('has a tracking page for every courier it knows, with the number in it', () => {
    for (const c of COURIERS) {
      const url = trackingUrl(c.code, 'AB-12345');
      expect(url, c.code).toMatch(/^https:\/\/[^\s{}]+AB-12345/);
      expect(new URL(url!).protocol).toBe('https:');
    }
  });

  it('reads any spelling of a courier, and encodes the number', () => {
    expect(trackingUrl('CJ대한통운', '6401 2345')).toBe('https://trace.cjlogistics.com/next/tracking.html?wblNo=6401%202345');
    expect(trackingUrl('한진', ' 123456 ')).toMatch(/wblnumText2=123456$/);
  });

  it('has no link for a courier it does not know or a parcel without a number', () => {
    expect(trackingUrl('동네퀵', '1234')).toBeNull();
    expect(trackingUrl(null, '1234')).toBeNull();
    expect(trackingUrl('CJ', null)).toBeNull();
    expect(trackingUrl('CJ', '  ')).toBeNull();
  });
});
