/** What the load run's parent (server, database, audit) and its load-generating child tell each other. */

export const KINDS = ['list', 'search', 'counts', 'keyword', 'detail', 'timeline', 'memo', 'status', 'deposit'] as const;
export type Kind = (typeof KINDS)[number];
export type ChangeKind = Extract<Kind, 'memo' | 'status' | 'deposit'>;

export const KIND_LABELS: Record<Kind, string> = {
  list: 'list page: GET /orders?limit=100',
  search: 'list page: POST /orders/search (a tab filter)',
  counts: 'tab counts: GET /views/counts',
  keyword: 'keyword search: POST /orders/search',
  detail: 'order detail: GET /orders/{id} (also the read each status change or deposit is based on)',
  timeline: 'timeline: GET /orders/{id}/timeline',
  memo: 'change: add memo',
  status: 'change: status change (expectedVersion)',
  deposit: 'change: deposit confirmation',
};

export interface SessionAuth {
  staffId: number;
  /** `jumun_session=…; jumun_csrf=…` */
  cookie: string;
  csrfToken: string;
}

export interface ClientPlan {
  baseUrl: string;
  durationSeconds: number;
  timeoutSeconds: number;
  /** Prefix of every Idempotency-Key of this run, so the audit can find them. */
  runId: string;
  /** One connection per session. */
  sessions: SessionAuth[];
  /** Orders every session changes (status changes and memos): the contention. */
  hotOrders: number[];
  /** Orders read (detail, timeline). */
  readOrders: number[];
  /** Orders awaiting a bank deposit, a disjoint list per session. */
  depositOrders: number[][];
  keywords: string[];
  /** The shop's tabs, as their list pages ask. */
  tabs: { filter: unknown; sort?: unknown }[];
}

export interface Move {
  itemId: number;
  quantity: number;
  from: string;
  to: string;
}

/** A change the server answered 2xx. */
export interface Accepted {
  kind: ChangeKind;
  orderId: number;
  key: string;
  memoId?: number;
  moves?: Move[];
  /** Units a deposit confirmation moved awaiting_payment → paid. */
  units?: number;
  /** Answered only when its Idempotency-Key was sent again after the run (its first answer was lost). */
  settledAfterRun: boolean;
}

/** A change the server refused. */
export interface Refused {
  kind: ChangeKind;
  orderId: number;
  key: string;
  status: number;
  code: string;
  settledAfterRun: boolean;
}

export interface KindStats {
  /** Milliseconds, one per answered request started inside the measured window. */
  latencies: number[];
  /** Answers by status code. */
  statuses: Record<string, number>;
  /** Requests started inside the window that never got an answer (timed out, connection broken). */
  lost: number;
}

export interface ClientResults {
  stats: Record<Kind, KindStats>;
  accepted: Accepted[];
  refused: Refused[];
  /** The measured window: from every connection open to the end of the duration. */
  windowSeconds: number;
  /** Connection errors and timeouts as autocannon counted them. */
  errors: number;
  timeouts: number;
  /** Answers no request kind expects (any non-2xx besides 409 ORDER_VERSION_CONFLICT on changes), a sample. */
  unexpected: string[];
  unexpectedCount: number;
}

/** Parent → child. */
export type ToChild = { type: 'plan'; plan: ClientPlan };
/** Child → parent. */
export type ToParent = { type: 'started' } | { type: 'results'; results: ClientResults };
