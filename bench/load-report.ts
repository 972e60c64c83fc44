import { percentile } from './stats';
import { KIND_LABELS, KINDS, type ClientResults, type Kind } from './load-types';

export interface KindSummary {
  kind: Kind;
  count: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  ok: number;
  /** 409 ORDER_VERSION_CONFLICT of a status change or deposit: contention, expected. */
  conflicts: number;
  otherClientErrors: number;
  /** 5xx, and any answer neither 2xx nor 4xx. */
  serverErrors: number;
  noAnswer: number;
}

export function summarize(results: ClientResults): KindSummary[] {
  return KINDS.map((kind) => {
    const { latencies, statuses, lost } = results.stats[kind];
    const sortedMs = [...latencies].sort((a, b) => a - b);
    const count = (from: number, to: number) => Object.entries(statuses).reduce((s, [code, n]) => (Number(code) >= from && Number(code) < to ? s + n : s), 0);
    const conflicts = kind === 'status' || kind === 'deposit' ? (statuses['409'] ?? 0) : 0;
    return {
      kind,
      count: latencies.length,
      perSecond: latencies.length / results.windowSeconds,
      p50: percentile(sortedMs, 50),
      p95: percentile(sortedMs, 95),
      p99: percentile(sortedMs, 99),
      ok: count(200, 300),
      conflicts,
      otherClientErrors: count(400, 500) - conflicts,
      serverErrors: count(500, 600) + count(0, 200) + count(300, 400),
      noAnswer: lost,
    };
  });
}

const ms = (n: number) => (Number.isNaN(n) ? '—' : `${n < 10 ? n.toFixed(1) : n.toFixed(0)} ms`);
const int = (n: number) => n.toLocaleString('en');

export interface RunFacts {
  title: string;
  durationSeconds: number;
  connections: number;
  peakRssMb: number;
  baselineRssMb: number;
  rssNote: string;
}

/** The Markdown the README takes: one row per request kind, then the whole run. */
export function markdown(results: ClientResults, rows: readonly KindSummary[], facts: RunFacts): string {
  const lines = [
    facts.title,
    '',
    '| request | requests | req/s | p50 | p95 | p99 | 2xx | 409 conflict | other 4xx | 5xx | no answer |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    if (r.count + r.noAnswer === 0) continue;
    lines.push(`| ${KIND_LABELS[r.kind]} | ${int(r.count)} | ${r.perSecond.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${int(r.ok)} | ${int(r.conflicts)} | ${int(r.otherClientErrors)} | ${int(r.serverErrors)} | ${int(r.noAnswer)} |`);
  }
  const all = Object.values(results.stats).flatMap((s) => s.latencies).sort((a, b) => a - b);
  const total = rows.reduce((s, r) => s + r.count, 0);
  const sum = (key: 'ok' | 'conflicts' | 'otherClientErrors' | 'serverErrors' | 'noAnswer') => int(rows.reduce((s, r) => s + r[key], 0));
  lines.push(
    `| **all** | ${int(total)} | ${(total / results.windowSeconds).toFixed(1)} | ${ms(percentile(all, 50))} | ${ms(percentile(all, 95))} | ${ms(percentile(all, 99))} | ${sum('ok')} | ${sum('conflicts')} | ${sum('otherClientErrors')} | ${sum('serverErrors')} | ${sum('noAnswer')} |`,
  );
  lines.push('', `${facts.connections} staff sessions (one connection each) for ${results.windowSeconds.toFixed(0)} s; peak RSS ${facts.peakRssMb.toFixed(0)} MB (${facts.baselineRssMb.toFixed(0)} MB before the load; ${facts.rssNote}).`);
  return lines.join('\n');
}
