import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { ERROR_CATALOG, type ErrorCode } from '../../contracts/errors';
import { AppError } from './errors';

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (headers too large, a malformed
 * request line, a request that never finished arriving) still answer in our error shape. There is
 * no parsed request to take the language from, so the message is Korean, the default.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
  const code: ErrorCode = error.code === 'HPE_HEADER_OVERFLOW' ? 'HEADERS_TOO_LARGE' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'REQUEST_TIMEOUT' : 'BAD_REQUEST';
  const entry = ERROR_CATALOG[code];
  const body = JSON.stringify({ error: { code, message: entry.ko } });
  socket.end(
    `HTTP/1.1 ${entry.status} ${STATUS_CODES[entry.status] ?? 'Bad Request'}\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * An `Expect` other than `100-continue` is answered 417 (RFC 9110 allows it) — by Node, before
 * Fastify sees the request, with no body unless the server listens for it: here, in our shape.
 */
export function registerExpectationCheck(app: FastifyInstance) {
  app.server.on('checkExpectation', (_request, response) => {
    const entry = ERROR_CATALOG.EXPECTATION_FAILED;
    const body = JSON.stringify({ error: { code: 'EXPECTATION_FAILED', message: entry.ko } });
    response.writeHead(entry.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), connection: 'close' });
    response.end(body);
  });
}

/**
 * HTTP/1.1 requires a Host header (RFC 9112 §3.2). Node's own check answered its absence with a
 * bare 400 and no body; the server is built with that check off (`http.requireHostHeader: false`)
 * and this one refuses the request in our error shape instead. HTTP/1.0 needs no Host.
 */
export function registerHostCheck(app: FastifyInstance) {
  app.addHook('onRequest', async (request) => {
    if (request.raw.httpVersion !== '1.0' && request.headers.host === undefined) throw new AppError('BAD_REQUEST', { reason: 'an HTTP/1.1 request needs a Host header' });
  });
}
