import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressFile } from '../vite.precompress';
import { startTestServer, type TestServer } from './support/server';

/**
 * The built app's files as a browser downloads them from the real server: compressed by the build
 * (vite.precompress.ts), sent as Brotli or gzip when Accept-Encoding allows, the same bytes once
 * decoded, with `Vary: Accept-Encoding`; hashed assets cached for good, index.html checked each load.
 */
let dir: string;
let server: TestServer;
// a made-up bundle big enough to be compressed: the build skips files under 1 KB
const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `주문 ${i} order ${i}`))};\n`;
const page = `<!doctype html><title>admin</title><script type="module" src="/assets/index-AbC123.js"></script>${'<!-- padding -->'.repeat(100)}`;

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET over HTTP that keeps the body as sent (fetch would decode it on its own). */
function rawGet(url: string, headers: Record<string, string>): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jumun-precompressed-'));
  const root = join(dir, 'admin');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), page);
  writeFileSync(join(root, 'assets/index-AbC123.js'), script);
  writeFileSync(join(root, 'assets/tiny-XyZ789.js'), 'export {};\n');
  for (const file of ['index.html', 'assets/index-AbC123.js', 'assets/tiny-XyZ789.js']) await precompressFile(join(root, file));
  server = await startTestServer({ web: { root, myPageRoot: join(dir, 'my-page') } });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the web apps precompressed', () => {
  it('writes .br and .gz copies beside a file, none beside a tiny one', () => {
    const root = join(dir, 'admin/assets');
    expect(brotliDecompressSync(readFileSync(join(root, 'index-AbC123.js.br'))).toString()).toBe(script);
    expect(gunzipSync(readFileSync(join(root, 'index-AbC123.js.gz'))).toString()).toBe(script);
    expect(() => readFileSync(join(root, 'tiny-XyZ789.js.br'))).toThrow();
  });

  it('sends a hashed asset as Brotli or gzip as the browser accepts, the same bytes decoded, cached for good', async () => {
    const url = `${server.baseUrl}/assets/index-AbC123.js`;
    const br = await rawGet(url, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.body.length).toBeLessThan(Buffer.byteLength(script));
    expect(brotliDecompressSync(br.body).toString()).toBe(script);

    const gz = await rawGet(url, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(gz.body).toString()).toBe(script);

    const plain = await rawGet(url, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toMatch(/accept-encoding/i);
    expect(plain.body.toString()).toBe(script);
  });

  it('sends a file without compressed copies as it is', async () => {
    const tiny = await rawGet(`${server.baseUrl}/assets/tiny-XyZ789.js`, { 'accept-encoding': 'br, gzip' });
    expect(tiny.status).toBe(200);
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe('export {};\n');
  });

  it('sends index.html compressed too, for the app’s routes, checked again on every load', async () => {
    for (const path of ['/', '/orders']) {
      const html = await rawGet(`${server.baseUrl}${path}`, { 'accept-encoding': 'br' });
      expect(html.status, path).toBe(200);
      expect(html.headers['content-encoding'], path).toBe('br');
      expect(html.headers['content-type'], path).toMatch(/text\/html/);
      expect(html.headers['cache-control'], path).toBe('no-cache');
      expect(brotliDecompressSync(html.body).toString(), path).toBe(page);
    }
  });
});
