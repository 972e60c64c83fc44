import type { FuzzCase } from './cases';
import type { WriteLog } from './fingerprint';
import { UNSAFE_METHODS, type RequestSpec } from './request-parts';
import { answerProblem, isSuccess, type Answer, type Sender } from './send';

/** A server bug the lead has yet to decide on: matched problems are reported as known, not failed. */
export interface KnownBug {
  name: string;
  matches(fuzzCase: FuzzCase, problem: string): boolean;
}

export interface Finding {
  fuzzCase: FuzzCase;
  problem: string;
  knownBug?: string;
}

export interface RouteStats {
  sent: number;
  succeeded: number;
  /** Refusals by error code. */
  codes: Map<string, number>;
  /** Time spent waiting for answers. */
  ms: number;
}

/** Refused requests checked together: one look at the write log per batch, replays only when it moved. */
const BATCH_SIZE = 25;

const isUnsafe = (c: FuzzCase) => UNSAFE_METHODS.has(c.spec.method);
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…(${text.length})` : text);

export function describeRequest(spec: RequestSpec): string {
  const headers = spec.headers.map(([n, v]) => `${n}: ${JSON.stringify(clip(v, 60))}`).join(', ');
  const body = spec.body === undefined ? '(none)' : `${JSON.stringify(clip(spec.body.subarray(0, 301).toString('utf8'), 300))} (${spec.body.length} bytes)`;
  const protocol = spec.protocol ? ` over a bare socket with ${spec.protocol.label}` : '';
  return `${spec.method} ${clip(spec.target, 300)}${protocol} [auth ${spec.auth}] headers {${headers}} body ${body}`;
}

/**
 * Sends cases and checks each answer (no 5xx, refusals in the error shape, no success where the
 * credentials forbid one) and that no refusal changed the database. Requests a correct server may
 * accept are sent alone between two marks of the write log; the rest go in batches, and a batch
 * whose mark moved is replayed request by request to name the one that changes something.
 */
export class FuzzRunner {
  private checkpoint: number | null = null;
  private batch: Array<{ fuzzCase: FuzzCase; answer: Answer }> = [];
  readonly findings: Finding[] = [];
  readonly stats = new Map<string, RouteStats>();
  marks = 0;
  replays = 0;

  constructor(
    private readonly sender: Sender,
    private readonly log: WriteLog,
    private readonly knownBugs: readonly KnownBug[],
  ) {}

  private async mark(): Promise<number> {
    this.marks++;
    return this.log.mark();
  }

  private report(fuzzCase: FuzzCase, problem: string) {
    const known = this.knownBugs.find((b) => b.matches(fuzzCase, problem));
    this.findings.push({ fuzzCase, problem, knownBug: known?.name });
  }

  private async send(fuzzCase: FuzzCase): Promise<Answer> {
    const started = performance.now();
    const answer = await this.sender.send(fuzzCase.spec);
    const stats = this.stats.get(fuzzCase.route.key) ?? { sent: 0, succeeded: 0, codes: new Map<string, number>(), ms: 0 };
    this.stats.set(fuzzCase.route.key, stats);
    stats.ms += performance.now() - started;
    stats.sent++;
    if (isSuccess(answer)) stats.succeeded++;
    else {
      const code = /"code":"(\w+)"/.exec(answer.body)?.[1] ?? `status ${answer.status}`;
      stats.codes.set(code, (stats.codes.get(code) ?? 0) + 1);
    }
    const problem = answerProblem(fuzzCase.spec, answer) ?? (isSuccess(answer) && fuzzCase.mustRefuse ? `answered ${answer.status} although ${fuzzCase.mustRefuse}` : null);
    if (problem) this.report(fuzzCase, problem);
    return answer;
  }

  async run(cases: readonly FuzzCase[]): Promise<void> {
    this.checkpoint ??= await this.mark();
    for (const fuzzCase of cases) {
      if (fuzzCase.mayPass && isUnsafe(fuzzCase)) {
        await this.flush();
        await this.alone(fuzzCase);
        continue;
      }
      this.batch.push({ fuzzCase, answer: await this.send(fuzzCase) });
      if (this.batch.length >= BATCH_SIZE) await this.flush();
    }
    await this.flush();
  }

  /** A successful request may change things; a refused one must leave the database as it was. */
  private async alone(fuzzCase: FuzzCase) {
    const answer = await this.send(fuzzCase);
    const before = this.checkpoint!;
    const after = (this.checkpoint = await this.mark());
    if (!isSuccess(answer) && after !== before) this.report(fuzzCase, `refused (${answer.status}) but wrote ${(await this.log.changes(before, after)).join(', ')}`);
  }

  async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    if (batch.length === 0) return;
    const before = this.checkpoint!;
    const after = (this.checkpoint = await this.mark());
    if (after === before) return;
    // A surprise success of a change explains a change; the refusals and reads must still repeat nothing.
    const changed = (e: { fuzzCase: FuzzCase; answer: Answer }) => isSuccess(e.answer) && isUnsafe(e.fuzzCase);
    let named = 0;
    for (const { fuzzCase } of batch.filter((e) => !changed(e))) {
      this.replays++;
      const answer = await this.sender.send(fuzzCase.spec);
      const from = this.checkpoint;
      const to = (this.checkpoint = await this.mark());
      if (to === from || changed({ fuzzCase, answer })) continue;
      named++;
      const writes = (await this.log.changes(from, to)).join(', ');
      this.report(fuzzCase, isSuccess(answer) ? `a read (${answer.status}) wrote ${writes}` : `refused (${answer.status}) but wrote ${writes} (found on replay)`);
    }
    if (named === 0 && !batch.some(changed)) {
      const names = batch.map((e) => e.fuzzCase.name).join(', ');
      this.report(batch[0]!.fuzzCase, `${(await this.log.changes(before, after)).join(', ')} written during a batch of refusals and reads (${names}), and no replay repeats it`);
    }
  }
}
