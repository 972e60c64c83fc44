import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { XLSX_CONTENT_TYPE } from '../../contracts/excel';

/**
 * `attachment` with the file name twice: `filename*` (RFC 5987, UTF-8) for the Korean name every
 * current browser uses, and a plain ASCII `filename` for clients that read only that.
 */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}

export function xlsxHeaders(reply: FastifyReply, fileName: string, asciiFallback: string): FastifyReply {
  return reply
    .header('content-type', XLSX_CONTENT_TYPE)
    .header('content-disposition', contentDisposition(fileName, asciiFallback))
    .header('cache-control', 'no-store');
}

/** The OpenAPI entry of a route answering an .xlsx file (never serialized: the body is bytes). */
export const xlsxResponse = (description: string) => ({
  description,
  content: { [XLSX_CONTENT_TYPE]: { schema: z.string().meta({ format: 'binary' }) } },
});
