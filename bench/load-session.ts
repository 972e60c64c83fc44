import type { AutocannonRequest } from 'autocannon';
import type { Accepted, ChangeKind, ClientPlan, Kind, Refused, SessionAuth } from './load-types';

/** A request of the mix; `purpose` marks a detail read whose answer a change is built on. */
export interface Outgoing {
  kind: Kind | 'idle';
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  key?: string;
  orderId?: number;
  purpose?: 'status' | 'deposit';
}

/** Where a session's answers go (one recorder for all sessions of the child). */
export interface Sink {
  record(kind: Kind, status: number, ms: number): void;
  /** A request whose answer never came: the connection timed out or broke. */
  lost(kind: Kind): void;
  accept(change: Accepted): void;
  refuse(change: Refused): void;
  unexpected(line: string): void;
}

/** How often each kind is picked. A status change or deposit first reads the order (a `detail`). */
const WEIGHTS: readonly [Kind, number][] = [
  ['list', 10],
  ['search', 10],
  ['counts', 5],
  ['keyword', 10],
  ['detail', 15],
  ['timeline', 10],
  ['memo', 10],
  ['status', 20],
  ['deposit', 5],
];
const TOTAL_WEIGHT = WEIGHTS.reduce((s, [, w]) => s + w, 0);
const CHANGE_KINDS = new Set<string>(['memo', 'status', 'deposit']);
const isChange = (kind: Outgoing['kind']): kind is ChangeKind => CHANGE_KINDS.has(kind);

/** Moves that keep a hot order movable forever: forward and back between 결제완료, 상품준비중 and 배송대기. */
const NEXT: Record<string, readonly string[]> = { paid: ['preparing'], preparing: ['ready_to_ship', 'paid'], ready_to_ship: ['preparing'] };

/**
 * Sent by sessions outside the measured window, before it (until every connection is open) and
 * after it (until every change is answered): no change, nothing to audit, never recorded.
 */
const IDLE: Outgoing = { kind: 'idle', method: 'GET', path: '/api/live' };

/** warming: connections opening; measuring: the mix; draining: the window is over. */
export type Phase = 'warming' | 'measuring' | 'draining';

interface DetailView {
  version: number;
  shipmentGroups: { id: number; status: string; items: { itemId: number; quantity: number }[] }[];
}

const pickOf = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

function parse(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

const errorCode = (body: string) => (parse(body) as { error?: { code?: string } } | undefined)?.error?.code ?? '?';

/**
 * One signed-in staff member on one connection: picks the next request of the mix, and turns the
 * answers into latencies, accepted and refused changes. Each change carries a unique
 * Idempotency-Key (`<runId>-<session>-<n>`), so a change whose answer was lost can be asked again.
 */
export class LoadSession {
  private followUp: Outgoing | null = null;
  private inFlight: { out: Outgoing; started: number; measured: boolean } | null = null;
  /** Changes sent whose answer never came (the connection timed out): settled after the run. */
  private readonly unanswered: Outgoing[] = [];
  private readonly deposits: number[];
  private seq = 0;

  constructor(
    private readonly index: number,
    private readonly auth: SessionAuth,
    private readonly plan: ClientPlan,
    private readonly shared: { phase: Phase },
    private readonly sink: Sink,
  ) {
    this.deposits = [...(plan.depositOrders[index] ?? [])];
  }

  /** The one autocannon request of this connection: every send asks the session what to send. */
  request(): AutocannonRequest {
    return { setupRequest: () => this.next(), onResponse: (status, body) => this.answered(status, body) };
  }

  /** Whether this session's connection has had an answer: it is open. */
  connected = false;

  get changeInFlight(): boolean {
    return this.inFlight !== null && isChange(this.inFlight.out.kind);
  }

  private next(): AutocannonRequest {
    const lost = this.inFlight;
    if (lost && lost.out.kind !== 'idle' && lost.measured) this.sink.lost(lost.out.kind);
    if (lost && isChange(lost.out.kind)) this.unanswered.push(lost.out);
    const measuring = this.shared.phase === 'measuring';
    const out = measuring ? (this.followUp ?? this.pick()) : IDLE;
    this.followUp = null;
    this.inFlight = { out, started: performance.now(), measured: measuring };
    return this.toRequest(out);
  }

  private answered(status: number, body: string) {
    const flight = this.inFlight;
    this.inFlight = null;
    this.connected = true;
    if (!flight || flight.out.kind === 'idle') return;
    if (flight.measured) this.sink.record(flight.out.kind, status, performance.now() - flight.started);
    this.settle(flight.out, status, body, false);
  }

  /** Asks each change whose answer was lost again, with its own key: the server answers what it did, once. */
  async settleUnanswered(): Promise<number> {
    const lost = [...this.unanswered, ...(this.inFlight && isChange(this.inFlight.out.kind) ? [this.inFlight.out] : [])];
    for (const out of lost) {
      // a 409 may come from our own first attempt still holding the order: once that commits,
      // the key answers its stored result, so a conflict is asked again before it is believed
      for (let attempt = 1; ; attempt++) {
        const { method, path, headers, body } = this.toRequest(out);
        const res = await fetch(`${this.plan.baseUrl}${path}`, { method, headers, body });
        const text = await res.text();
        if (res.status !== 409 || attempt === 3) {
          this.settle(out, res.status, text, true);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
    }
    return lost.length;
  }

  private pick(): Outgoing {
    let r = Math.random() * TOTAL_WEIGHT;
    const kind = WEIGHTS.find(([, w]) => (r -= w) < 0)?.[0] ?? 'list';
    const { plan } = this;
    switch (kind) {
      case 'list':
        return { kind, method: 'GET', path: '/api/v1/orders?limit=100' };
      case 'search': {
        const tab = pickOf(plan.tabs);
        return { kind, method: 'POST', path: '/api/v1/orders/search', body: { filter: tab.filter, ...(tab.sort ? { sort: tab.sort } : {}), limit: 100, withTotal: false } };
      }
      case 'counts':
        return { kind, method: 'GET', path: '/api/v1/views/counts' };
      case 'keyword':
        return { kind, method: 'POST', path: '/api/v1/orders/search', body: { filter: { keyword: pickOf(plan.keywords) }, limit: 100, withTotal: false } };
      case 'detail':
        return { kind, method: 'GET', path: `/api/v1/orders/${pickOf(plan.readOrders)}` };
      case 'timeline':
        return { kind, method: 'GET', path: `/api/v1/orders/${pickOf(plan.readOrders)}/timeline` };
      case 'memo': {
        const orderId = pickOf(plan.hotOrders);
        const key = this.newKey();
        return { kind, method: 'POST', path: `/api/v1/orders/${orderId}/memos`, body: { body: `부하 시험 메모 ${key}` }, key, orderId };
      }
      case 'deposit': {
        const orderId = this.deposits.pop();
        if (orderId !== undefined) return { kind: 'detail', method: 'GET', path: `/api/v1/orders/${orderId}`, orderId, purpose: 'deposit' };
        // this session's deposits are all confirmed: a status change instead
        const hot = pickOf(plan.hotOrders);
        return { kind: 'detail', method: 'GET', path: `/api/v1/orders/${hot}`, orderId: hot, purpose: 'status' };
      }
      case 'status': {
        const orderId = pickOf(plan.hotOrders);
        return { kind: 'detail', method: 'GET', path: `/api/v1/orders/${orderId}`, orderId, purpose: 'status' };
      }
    }
  }

  private newKey(): string {
    return `${this.plan.runId}-${this.index}-${++this.seq}`;
  }

  private toRequest(out: Outgoing): Required<Pick<AutocannonRequest, 'method' | 'path' | 'headers'>> & { body?: string } {
    const headers: Record<string, string> = { cookie: this.auth.cookie, 'accept-language': 'ko' };
    if (out.method === 'POST') {
      headers['x-csrf-token'] = this.auth.csrfToken;
      headers['content-type'] = 'application/json';
    }
    if (out.key) headers['idempotency-key'] = out.key;
    return { method: out.method, path: out.path, headers, ...(out.body === undefined ? {} : { body: JSON.stringify(out.body) }) };
  }

  private settle(out: Outgoing, status: number, body: string, settledAfterRun: boolean) {
    if (out.kind === 'idle') return;
    if (!isChange(out.kind)) {
      if (status < 200 || status >= 300) this.sink.unexpected(`${out.kind} ${out.method} ${out.path}: ${status} ${body.slice(0, 200)}`);
      else if (out.purpose && out.orderId !== undefined) this.followUp = this.changeOn(out.purpose, out.orderId, parse(body) as DetailView);
      return;
    }
    const kind = out.kind;
    const orderId = out.orderId!;
    const key = out.key!;
    if (status >= 200 && status < 300) {
      const answer = parse(body) as { id?: number; result?: { moves?: { itemId: number; quantity: number; from: string; to: string }[]; units?: number } } | undefined;
      const change: Accepted = { kind, orderId, key, settledAfterRun };
      if (kind === 'memo') change.memoId = answer?.id;
      if (kind === 'status') change.moves = answer?.result?.moves?.map(({ itemId, quantity, from, to }) => ({ itemId, quantity, from, to }));
      if (kind === 'deposit') change.units = answer?.result?.units;
      if (change.memoId === undefined && change.moves === undefined && change.units === undefined) this.sink.unexpected(`${kind} on order ${orderId}: ${status} with an unreadable answer`);
      this.sink.accept(change);
      return;
    }
    const code = errorCode(body);
    this.sink.refuse({ kind, orderId, key, status, code, settledAfterRun });
    if (!(status === 409 && code === 'ORDER_VERSION_CONFLICT' && kind !== 'memo')) this.sink.unexpected(`${kind} ${out.method} ${out.path}: ${status} ${body.slice(0, 200)}`);
  }

  /** The change a session makes on the order it has just read, based on the version it read. */
  private changeOn(purpose: 'status' | 'deposit', orderId: number, detail: DetailView | undefined): Outgoing | null {
    if (!detail) return null;
    const key = this.newKey();
    if (purpose === 'deposit') {
      return { kind: 'deposit', method: 'POST', path: `/api/v1/orders/${orderId}/deposit-confirmations`, body: { expectedVersion: detail.version }, key, orderId };
    }
    const movable = detail.shipmentGroups.flatMap((g) => (NEXT[g.status] ? g.items.map((item) => ({ group: g, item })) : []));
    if (movable.length === 0) {
      this.sink.unexpected(`order ${orderId} has no unit in paid, preparing or ready_to_ship`);
      return null;
    }
    const { group, item } = pickOf(movable);
    const change = { shipmentGroupId: group.id, itemId: item.itemId, quantity: 1 + Math.floor(Math.random() * item.quantity), to: pickOf(NEXT[group.status]!) };
    return { kind: 'status', method: 'POST', path: `/api/v1/orders/${orderId}/status-changes`, body: { changes: [change], expectedVersion: detail.version }, key, orderId };
  }
}
