import { useInfiniteQuery } from '@tanstack/react-query';
import { accessLogListSchema, auditEventListSchema, type AccessLogFilter, type AuditEventQuery } from '../../../../../contracts/audit';
import { api } from '../../../app/api/client';

const PAGE = 50;
export type AuditFilter = Pick<AuditEventQuery, 'group' | 'staffId' | 'from' | 'to'>;

const paramsOf = (filter: Record<string, unknown>) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== undefined && value !== '') params.set(key, String(value));
  return params;
};

/** GET /api/v1/audit-events: newest first, more by the cursor. */
export function useAuditEvents(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit-events', filter],
    queryFn: ({ pageParam, signal }) => {
      const params = paramsOf({ ...filter, limit: PAGE, cursor: pageParam ?? undefined });
      return api.get(`/api/v1/audit-events?${params.toString()}`, auditEventListSchema, signal);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** GET /api/v1/personal-data-access: newest first, more by the cursor. */
export function useAccessLog(filter: AccessLogFilter) {
  return useInfiniteQuery({
    queryKey: ['personal-data-access', filter],
    queryFn: ({ pageParam, signal }) => {
      const params = paramsOf({ ...filter, limit: PAGE, cursor: pageParam ?? undefined });
      return api.get(`/api/v1/personal-data-access?${params.toString()}`, accessLogListSchema, signal);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The .xlsx of the log under the same filter: a plain GET the browser downloads with the session cookie. */
export const accessLogExportUrl = (filter: AccessLogFilter) => `/api/v1/personal-data-access/export?${paramsOf(filter).toString()}`;
