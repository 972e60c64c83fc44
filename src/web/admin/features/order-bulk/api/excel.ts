import { trackingImportResultSchema, XLSX_CONTENT_TYPE, type OrderExportRequest, type TrackingImportResult } from '../../../../../contracts/excel';
import { ApiError } from '../../../app/api/client';
import { DICTIONARIES, getLang } from '../../../app/i18n';
import { BULK_DICTIONARIES } from '../i18n';
import { fileNameOf } from '../model/files';
import { rawFetch } from './http';

/** Hands a file to the browser's downloads under `name`. */
export function saveFile(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // the download has taken the blob by the next tick; keep the URL a little longer for slow browsers
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a streamed answer chunk by chunk, reporting the bytes received so far. */
export async function readAll(response: Response, onProgress: (received: number) => void): Promise<Blob> {
  const type = response.headers.get('content-type') ?? XLSX_CONTENT_TYPE;
  if (!response.body) return new Blob([await response.arrayBuffer()], { type });
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress(received);
    }
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    // the server cuts the stream when the export fails after the first byte
    throw new ApiError(0, 'DOWNLOAD_CUT', BULK_DICTIONARIES[getLang()].export.cut);
  }
  return new Blob(chunks, { type });
}

export interface Downloaded {
  fileName: string;
  size: number;
}

/**
 * POSTs a JSON body to a route that answers a streamed .xlsx, and saves it under the server's file
 * name (`fallbackName` when the answer names none). 엑셀 다운로드 and 송장 출력 both go through it.
 */
export async function downloadPostedWorkbook(path: string, body: unknown, fallbackName: { ko: string; en: string }, onProgress: (received: number) => void, signal: AbortSignal): Promise<Downloaded> {
  const response = await rawFetch(path, {
    method: 'POST',
    body: JSON.stringify(body),
    contentType: 'application/json',
    accept: `${XLSX_CONTENT_TYPE}, application/json`,
    signal,
  });
  const blob = await readAll(response, onProgress);
  const fileName = fileNameOf(response.headers.get('content-disposition'), fallbackName[getLang()]);
  saveFile(blob, fileName);
  return { fileName, size: blob.size };
}

/** 엑셀 다운로드: the conditions or the chosen orders, one row per item. */
export function downloadOrdersExcel(request: OrderExportRequest, onProgress: (received: number) => void, signal: AbortSignal): Promise<Downloaded> {
  return downloadPostedWorkbook('/api/v1/exports/orders', request, { ko: '주문목록.xlsx', en: 'orders.xlsx' }, onProgress, signal);
}

/** The upload template (송장일괄등록_양식.xlsx). */
export async function downloadTrackingTemplate(): Promise<Downloaded> {
  const response = await rawFetch('/api/v1/tracking-imports/template', { method: 'GET', accept: `${XLSX_CONTENT_TYPE}, application/json` });
  const blob = await response.blob();
  const fileName = fileNameOf(response.headers.get('content-disposition'), 'tracking_numbers_template.xlsx');
  saveFile(blob, fileName);
  return { fileName, size: blob.size };
}

/** 송장 일괄 등록: the file itself is the body; the answer is a verdict per row. */
export async function uploadTrackingNumbers(file: Blob, courier?: string): Promise<TrackingImportResult> {
  const query = courier ? `?courier=${encodeURIComponent(courier)}` : '';
  const response = await rawFetch(`/api/v1/tracking-imports${query}`, { method: 'POST', body: file, contentType: XLSX_CONTENT_TYPE, idempotent: true });
  const parsed = trackingImportResultSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) {
    console.error('unexpected answer from POST /api/v1/tracking-imports', parsed.error.issues);
    throw new ApiError(response.status, 'UNEXPECTED_RESPONSE', DICTIONARIES[getLang()].errors.unexpected);
  }
  return parsed.data;
}
