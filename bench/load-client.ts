/**
 * The load-generating side of `npm run load`, forked by bench/load.ts so that it has its own event
 * loop (and core) and the server's memory is the server's alone. It gets the plan (sessions,
 * orders) over IPC, runs autocannon with one connection per staff session for the duration, lets
 * every change in flight be answered, asks again any change whose answer was lost, and sends back
 * what it recorded.
 */
import autocannon from 'autocannon';
import { LoadSession, type Phase, type Sink } from './load-session';
import { KINDS, type Accepted, type ClientPlan, type ClientResults, type Kind, type KindStats, type Refused, type ToChild, type ToParent } from './load-types';

/** How long after the window the sessions may take to get their last changes answered (beyond a request's timeout). */
const DRAIN_MARGIN_SECONDS = 30;
const UNEXPECTED_SAMPLE = 30;

class Recorder implements Sink {
  readonly stats = Object.fromEntries(KINDS.map((k) => [k, { latencies: [], statuses: {}, lost: 0 }])) as unknown as Record<Kind, KindStats>;
  readonly accepted: Accepted[] = [];
  readonly refused: Refused[] = [];
  readonly unexpectedLines: string[] = [];
  unexpectedCount = 0;

  record(kind: Kind, status: number, ms: number) {
    const s = this.stats[kind];
    s.latencies.push(ms);
    s.statuses[status] = (s.statuses[status] ?? 0) + 1;
  }
  lost(kind: Kind) {
    this.stats[kind].lost++;
  }
  accept(change: Accepted) {
    this.accepted.push(change);
  }
  refuse(change: Refused) {
    this.refused.push(change);
  }
  unexpected(line: string) {
    this.unexpectedCount++;
    if (this.unexpectedLines.length < UNEXPECTED_SAMPLE) this.unexpectedLines.push(line);
  }
}

const send = (message: ToParent) => new Promise<void>((resolve, reject) => process.send!(message, (error: Error | null) => (error ? reject(error) : resolve())));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function run(plan: ClientPlan): Promise<ClientResults> {
  const shared: { phase: Phase } = { phase: 'warming' };
  const recorder = new Recorder();
  const sessions = plan.sessions.map((auth, i) => new LoadSession(i, auth, plan, shared, recorder));
  let nextSession = 0;
  const instance = autocannon({
    url: plan.baseUrl,
    connections: sessions.length,
    // autocannon's own end is only a backstop: the run ends when the window is over and drained
    duration: plan.durationSeconds + plan.timeoutSeconds + DRAIN_MARGIN_SECONDS,
    timeout: plan.timeoutSeconds,
    setupClient: (client) => client.setRequests([sessions[nextSession++ % sessions.length]!.request()]),
  });
  let finished = false;
  const result = instance.then((r) => {
    finished = true;
    return r;
  });
  // A Node server with its event loop full accepts new connections slowly (here about one a
  // second), so connections opened into a busy server would measure their own opening: every
  // session first has an answer to a cheap request, then the window opens for all at once.
  const warmUntil = performance.now() + plan.timeoutSeconds * 1000;
  while (!finished && sessions.some((s) => !s.connected)) {
    if (performance.now() > warmUntil) throw new Error(`${sessions.filter((s) => !s.connected).length} connection(s) had no answer within ${plan.timeoutSeconds} s`);
    await sleep(20);
  }
  shared.phase = 'measuring';
  const started = performance.now();
  await send({ type: 'started' });

  // a line every 10 s, so an operator sees the run is alive
  const progress = setInterval(() => {
    const answered = Object.values(recorder.stats).reduce((n, s) => n + s.latencies.length, 0);
    console.log(`  ${((performance.now() - started) / 1000).toFixed(0)} s: ${answered.toLocaleString('en')} answers, ${recorder.accepted.length} changes accepted, ${recorder.refused.length} refused`);
  }, 10_000);
  await sleep(plan.durationSeconds * 1000);
  clearInterval(progress);
  shared.phase = 'draining';
  const windowSeconds = (performance.now() - started) / 1000;
  // the sessions now only ask /api/live; once no change is in flight, what they did is settled
  // (a change lost to a timeout is asked again below)
  while (!finished && sessions.some((s) => s.changeInFlight)) await sleep(50);
  instance.stop();
  const final = await result;
  for (const s of sessions) await s.settleUnanswered();
  return {
    stats: recorder.stats,
    accepted: recorder.accepted,
    refused: recorder.refused,
    windowSeconds,
    errors: final.errors,
    timeouts: final.timeouts,
    unexpected: recorder.unexpectedLines,
    unexpectedCount: recorder.unexpectedCount,
  };
}

// the parent gone (interrupted), there is nobody to report to
process.once('disconnect', () => process.exit(1));
process.once('message', (message: ToChild) => {
  run(message.plan)
    .then((results) => send({ type: 'results', results }))
    .then(() => process.exit(0))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
});
