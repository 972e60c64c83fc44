import { trackingImportResultSchema, XLSX_CONTENT_TYPE, type OrderExportRequest, type TrackingImportResult } from '../../../../../contracts/excel';
import { exportJobSchema } from '../../../../../contracts/export-jobs';
import { api, ApiError } from '../../../app/api/client';
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

/** Where an export stands: bytes received of a streamed file, or a job's orders written. */
export type ExportProgress = { kind: 'bytes'; received: number } | { kind: 'job'; done: number; total: number };

const JOB_POLL_MS = 1000;

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = window.setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      window.clearTimeout(timer);
      reject(new DOMException('stopped', 'AbortError'));
    });
  });
}

/**
 * 엑셀 다운로드: the conditions or the chosen orders, one row per item. A small export answers the
 * file at once; a large one answers 202 with a job written on the server: it is followed every
 * second (진행률 N/M) and its file fetched and saved when done.
 */
export async function downloadOrdersExcel(request: OrderExportRequest, onProgress: (progress: ExportProgress) => void, signal: AbortSignal): Promise<Downloaded> {
  const fallback = getLang() === 'en' ? 'orders.xlsx' : '주문목록.xlsx';
  const accept = `${XLSX_CONTENT_TYPE}, application/json`;
  const response = await rawFetch('/api/v1/exports/orders', { method: 'POST', body: JSON.stringify(request), contentType: 'application/json', accept, signal });
  let file = response;
  if (response.status === 202) {
    let job = exportJobSchema.parse(await response.json());
    while (job.status === 'queued' || job.status === 'running') {
      onProgress({ kind: 'job', done: job.progress.done, total: job.progress.total });
      await pause(JOB_POLL_MS, signal);
      job = await api.get(`/api/v1/exports/${job.id}`, exportJobSchema, signal);
    }
    if (job.status !== 'done' || !job.fileUrl) throw new ApiError(409, job.error?.code ?? 'EXPORT_JOB_FAILED', job.error?.message ?? BULK_DICTIONARIES[getLang()].export.jobFailed);
    onProgress({ kind: 'job', done: job.progress.total, total: job.progress.total });
    file = await rawFetch(job.fileUrl, { method: 'GET', accept, signal });
  }
  const blob = await readAll(file, (received) => onProgress({ kind: 'bytes', received }));
  const fileName = fileNameOf(file.headers.get('content-disposition'), fallback);
  saveFile(blob, fileName);
  return { fileName, size: blob.size };
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
