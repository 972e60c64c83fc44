import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webAppRoutes } from '../src/server/web/static';

/**
 * The built web apps as the browser asks for them: the admin at `/`, My Page at `/my` and `/my/*`
 * (its files, or its index.html for its own routes), server pages under /my answered by their own
 * routes, and a page saying what to run when a build is missing. No database is involved.
 */
let dir: string;
let app: FastifyInstance;

function build(root: string, files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
}

async function appWith(roots: { root: string; myPageRoot: string }) {
  const server = Fastify();
  // a server page registered beside the apps, as the hand-off and the test gateway's window are
  server.get('/my/handoff', async (_request, reply) => reply.redirect('/my/orders'));
  server.get('/api/v1/ping', async () => ({ ok: true }));
  await server.register(webAppRoutes, roots);
  await server.ready();
  return server;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jumun-static-'));
  build(join(dir, 'admin'), { 'index.html': '<title>admin</title>', 'assets/admin-1.js': 'admin()' });
  build(join(dir, 'my-page'), { 'index.html': '<title>my page</title>', 'assets/my-1.js': 'my()' });
  app = await appWith({ root: join(dir, 'admin'), myPageRoot: join(dir, 'my-page') });
});
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('serving the web apps', () => {
  it('serves My Page at /my and its own routes, the admin everywhere else', async () => {
    for (const url of ['/my', '/my/', '/my/orders', '/my/orders/20240401-0000001?x=1', '/my/pay/success?paymentKey=k&orderId=o&amount=1']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('my page');
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    for (const url of ['/', '/orders', '/orders/12', '/mystery']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('admin');
    }
  });

  it('serves each app its own hashed assets, cached for good', async () => {
    const mine = await app.inject({ url: '/my/assets/my-1.js' });
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toBe('my()');
    expect(mine.headers['cache-control']).toContain('immutable');
    const admin = await app.inject({ url: '/assets/admin-1.js' });
    expect(admin.body).toBe('admin()');
    // another app's asset is not a file of this one: the app's index answers (its router shows 404)
    expect((await app.inject({ url: '/my/assets/admin-1.js' })).body).toContain('my page');
  });

  it('leaves server pages under /my and the API to their own routes', async () => {
    const handoff = await app.inject({ url: '/my/handoff?token=t' });
    expect(handoff.statusCode).toBe(302);
    expect((await app.inject({ url: '/api/v1/ping' })).json()).toEqual({ ok: true });
    expect((await app.inject({ url: '/api/v1/nothing' })).statusCode).toBe(404);
  });

  it('never serves files outside the build, or hidden ones', async () => {
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    writeFileSync(join(dir, 'my-page', '.env'), 'SECRET=1');
    for (const url of ['/my/../secret.txt', '/my/%2e%2e/secret.txt', '/my/.env', '/my/%2e%2e%2fsecret.txt']) {
      const res = await app.inject({ url });
      expect(res.body, url).not.toContain('secret');
      expect(res.body, url).not.toContain('SECRET');
    }
  });

  it('says what to run when My Page is not built', async () => {
    const bare = await appWith({ root: join(dir, 'admin'), myPageRoot: join(dir, 'missing') });
    try {
      const res = await bare.inject({ url: '/my/orders' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('npm run build');
      expect((await bare.inject({ url: '/orders' })).body).toContain('admin');
    } finally {
      await bare.close();
    }
  });
});
