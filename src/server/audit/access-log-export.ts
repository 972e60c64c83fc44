import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ACCESS_PURPOSE_LABELS, PERSONAL_FIELD_LABELS, type AccessLogFilter } from '../../contracts/audit';
import { seoulMinute, seoulStamp } from '../../domain/spreadsheet-values';
import type { Db } from '../db/client';
import { caughtUp, nextTick } from '../excel/exceljs-backpressure';
import type { Lang } from '../http/errors';
import { listAccessLog } from './queries';
import { toAccessLogEntries } from './access-log-entries';

const PAGE = 1000;

/** 개인정보접근기록_20261205_1430.xlsx (personal_data_access_… in English), Seoul time. */
export function accessLogFileName(now: Date, lang: Lang): string {
  return `${lang === 'ko' ? '개인정보접근기록' : 'personal_data_access'}_${seoulStamp(now)}.xlsx`;
}

const HEADERS = {
  ko: ['일시', '접근자', '구분', '목적', '주문 수', '주문번호', '항목', '사유', '접속 IP'],
  en: ['When', 'Who', 'Kind', 'Purpose', 'Orders', 'Order numbers', 'Fields', 'Reason', 'From'],
};

/**
 * Every entry matching `filter`, newest first, as an .xlsx streamed page by page (exceljs's
 * streaming writer, shared strings off), so a log of years stays flat in memory.
 */
export async function writeAccessLogWorkbook(db: Db, shopId: number, filter: AccessLogFilter, lang: Lang, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(lang === 'ko' ? '개인정보 접근 기록' : 'Personal data access', { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = [18, 16, 8, 16, 8, 40, 24, 30, 16];
  sheet.columns = HEADERS[lang].map((header, i) => ({ header, key: `c${i}`, width: widths[i], style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let beforeId: number | undefined;
  for (;;) {
    const rows = await listAccessLog(db, shopId, filter, { limit: PAGE, ...(beforeId === undefined ? {} : { beforeId }) });
    const entries = await toAccessLogEntries(db, shopId, rows);
    for (const e of entries) {
      sheet
        .addRow([
          seoulMinute(new Date(e.createdAt)),
          e.actorName,
          e.actorKind === 'staff' ? (lang === 'ko' ? '직원' : 'Staff') : lang === 'ko' ? 'API 키' : 'API key',
          ACCESS_PURPOSE_LABELS[e.purpose][lang],
          e.orderCount,
          e.orderNumbers.join(', ') + (e.orderCount > e.orderNumbers.length ? ' …' : ''),
          e.fields.map((f) => PERSONAL_FIELD_LABELS[f]?.[lang] ?? f).join(', '),
          e.reason ?? '',
          e.clientAddress ?? '',
        ])
        .commit();
    }
    if (rows.length < PAGE) break;
    beforeId = rows[rows.length - 1]?.id;
    await nextTick();
    await caughtUp(sheet, out);
    if (out.destroyed) return;
  }
  sheet.commit();
  await workbook.commit();
}
