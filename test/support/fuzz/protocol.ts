import { connect } from 'node:net';
import type { Rng } from './random';
import type { Mutation, RequestSpec } from './request-parts';
import type { Answer } from './send';

/** A request HTTP clients will not write: sent over a bare socket, one request per connection. */
export interface ProtocolTwist {
  label: string;
  method?: string;
  version?: '1.0';
  omitHost?: boolean;
  /** Header lines added as written (conflicting lengths, encodings, expectations). */
  lines?: string[];
  /** Replaces the Content-Length value. */
  length?: string;
  /** The request target in absolute form (`http://host/path`). */
  absolute?: boolean;
  mayPass: boolean;
}

const TWISTS: ProtocolTwist[] = [
  { label: 'no Host header', omitHost: true, mayPass: false },
  { label: 'HTTP/1.0 without Host', version: '1.0', omitHost: true, mayPass: true },
  { label: 'Content-Length with Transfer-Encoding', lines: ['Transfer-Encoding: chunked'], mayPass: false },
  { label: 'Content-Length: abc', length: 'abc', mayPass: false },
  { label: 'Content-Length: -1', length: '-1', mayPass: false },
  { label: 'two Content-Length', lines: ['Content-Length: 1'], mayPass: false },
  { label: 'method FUZZ', method: 'FUZZ', mayPass: false },
  { label: 'method TRACE', method: 'TRACE', mayPass: false },
  { label: 'method OPTIONS', method: 'OPTIONS', mayPass: false },
  { label: 'lower-case method', method: 'post', mayPass: false },
  { label: 'a 20 KB header', lines: [`X-Fuzz: ${'a'.repeat(20_000)}`], mayPass: false },
  { label: 'NUL in a header', lines: ['X-Fuzz: a\u0000b'], mayPass: false },
  { label: 'absolute-form target', absolute: true, mayPass: true },
  { label: 'Content-Encoding: gzip on a plain body', lines: ['Content-Encoding: gzip'], mayPass: true },
  { label: 'Expect: fuzz', lines: ['Expect: fuzz'], mayPass: false },
];

export function protocolMutation(spec: RequestSpec, rng: Rng): Mutation {
  const twist = rng.pick(TWISTS);
  spec.protocol = twist;
  return { label: twist.label, mayPass: twist.mayPass };
}

function decodeChunked(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = body.indexOf('\r\n', at);
    const size = eol < 0 ? 0 : parseInt(body.subarray(at, eol).toString('latin1'), 16);
    if (!size) return Buffer.concat(parts);
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}

/** Writes the request as bytes and reads the one answer (the connection is closed after it). */
export function sendOverSocket(baseUrl: string, spec: RequestSpec, twist: ProtocolTwist, credentials: Record<string, string>): Promise<Answer> {
  const url = new URL(baseUrl);
  const body = spec.body ?? Buffer.alloc(0);
  const lines = [`${twist.method ?? spec.method} ${twist.absolute ? `http://evil.example${spec.target}` : spec.target} HTTP/${twist.version ?? '1.1'}`];
  if (!twist.omitHost) lines.push(`Host: ${url.host}`);
  for (const [name, value] of [...Object.entries(credentials), ...spec.headers]) lines.push(`${name}: ${value}`);
  lines.push(`Content-Length: ${twist.length ?? body.length}`, ...(twist.lines ?? []), 'Connection: close');
  const request = Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(url.port), url.hostname);
    // a server that waits for bytes never sent (a length it believes) is answered by its request timeout; this test does not wait that long
    socket.setTimeout(30_000, () => socket.destroy(new Error('no answer within 30 s')));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', (e) => resolve({ status: 0, body: '', networkError: e.message }));
    socket.on('close', () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      const head = all.subarray(0, split < 0 ? all.length : split).toString('latin1');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      const raw = split < 0 ? Buffer.alloc(0) : all.subarray(split + 4);
      const text = (/\r\ntransfer-encoding: chunked/i.test(head) ? decodeChunked(raw) : raw).toString('utf8');
      resolve(status === 0 ? { status, body: text, networkError: `no status line in ${JSON.stringify(head.slice(0, 80))}` } : { status, body: text });
    });
    // write, not end: a client that half-closes has its pending request aborted by Node (no half-open HTTP)
    socket.write(request);
  });
}
