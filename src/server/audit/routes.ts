import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PassThrough } from 'node:stream';
import {
  accessLogFilterSchema,
  accessLogListSchema,
  accessLogQuerySchema,
  AUDIT_KIND_GROUPS,
  AUDIT_KIND_LABELS,
  auditEventListSchema,
  auditEventQuerySchema,
  type AuditGroup,
} from '../../contracts/audit';
import { principalOf } from '../auth/plugin';
import type { Db } from '../db/client';
import { languageOf, type Lang } from '../http/errors';
import { errorResponses } from '../http/route-schemas';
import { xlsxHeaders, xlsxResponse } from '../excel/download';
import { accessLogFileName, writeAccessLogWorkbook } from './access-log-export';
import { toAccessLogEntries } from './access-log-entries';
import { decodeLogCursor, encodeLogCursor } from './cursor';
import { listAccessLog, listAuditEvents } from './queries';
import { auditActorOf, recordAuditEvent } from './record';

const tags = ['audit'];
const groupOf = (kind: string): AuditGroup | null =>
  (Object.entries(AUDIT_KIND_GROUPS).find(([, kinds]) => (kinds as readonly string[]).includes(kind))?.[0] as AuditGroup | undefined) ?? null;
export const kindLabelOf = (kind: string, lang: Lang) => AUDIT_KIND_LABELS[kind]?.[lang] ?? kind;

/** The owner's records: the audit log and the personal-data access log (with its Excel file). */
export const auditRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/audit-events',
    {
      config: { access: 'audit.read' },
      schema: {
        tags,
        summary: '감사 기록 (The shop’s audit log)',
        description:
          'Sign-ins and their failures, settings, staff and roles, API keys, downloads and bulk jobs, newest first. `group` (sign_in, settings, staff, ' +
          'api_keys, downloads, bulk), `staffId`, `from`/`to` (Seoul days, both included); pages by `cursor` (`nextCursor`). Kept: nothing deletes it.',
        querystring: auditEventQuerySchema,
        response: { 200: auditEventListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { cursor, ...query } = request.query;
      const lang = languageOf(request);
      const rows = await listAuditEvents(db, principalOf(request).shopId, { ...query, limit: query.limit + 1, ...decodeLogCursor(cursor) });
      const page = rows.slice(0, query.limit);
      return {
        items: page.map((e) => ({ ...e, createdAt: e.createdAt.toISOString(), kindLabel: kindLabelOf(e.kind, lang), group: groupOf(e.kind) })),
        nextCursor: rows.length > query.limit ? encodeLogCursor(page.at(-1)?.id ?? 0) : null,
      };
    },
  );

  app.get(
    '/api/v1/personal-data-access',
    {
      config: { access: 'audit.read' },
      schema: {
        tags,
        summary: '개인정보 접근 기록 (Who read buyers’ unmasked personal data)',
        description:
          'Every unmasked read: an order’s detail (`detail`, `api` for a key), a 보기 in the list (`reveal`), a download or print (`export`, with its reason), ' +
          'newest first. Filters: `actorKind` and `actorId`, `purpose`, `from`/`to` (Seoul days), `orderNumber`; pages by `cursor`. Kept: nothing deletes it.',
        querystring: accessLogQuerySchema,
        response: { 200: accessLogListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { limit, cursor, ...filter } = request.query;
      const shopId = principalOf(request).shopId;
      const rows = await listAccessLog(db, shopId, filter, { limit: limit + 1, ...decodeLogCursor(cursor) });
      const page = rows.slice(0, limit);
      return { items: await toAccessLogEntries(db, shopId, page), nextCursor: rows.length > limit ? encodeLogCursor(page.at(-1)?.id ?? 0) : null };
    },
  );

  app.get(
    '/api/v1/personal-data-access/export',
    {
      config: { access: 'audit.read' },
      schema: {
        tags,
        summary: '개인정보 접근 기록 엑셀 (The access log as .xlsx)',
        description: 'The same filters as GET /api/v1/personal-data-access, every matching entry, streamed. The download itself is written to the audit log.',
        querystring: accessLogFilterSchema,
        response: { 200: xlsxResponse('The workbook (개인정보접근기록_YYYYMMDD_HHmm.xlsx)'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const lang = languageOf(request);
      const now = new Date();
      const actor = auditActorOf(principal);
      await recordAuditEvent(db, {
        kind: 'export_downloaded',
        ...actor,
        subject: 'personal_data_access',
        clientAddress: request.ip,
        detail: { ...actor.detail, file: 'personal_data_access', filter: request.query },
      });
      const out = new PassThrough();
      out.on('error', () => undefined);
      writeAccessLogWorkbook(db, principal.shopId, request.query, lang, out).catch((error: unknown) => {
        request.log.error({ err: error }, 'access log export failed mid-stream');
        out.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      return xlsxHeaders(reply, accessLogFileName(now, lang), accessLogFileName(now, 'en')).send(out);
    },
  );
};
