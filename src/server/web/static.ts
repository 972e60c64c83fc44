import { existsSync, statSync } from 'node:fs';
import { join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';

/** Where `npm run build` (vite build) writes the admin app. */
export const ADMIN_DIST = fileURLToPath(new URL('../../../dist/admin', import.meta.url));
/** Where `npm run build` (vite build -c vite.my-page.config.ts) writes the buyer's My Page. */
export const MY_PAGE_DIST = fileURLToPath(new URL('../../../dist/my-page', import.meta.url));

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>Jumun</title></head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.6">
<h1>주문 (Jumun)</h1>
<p>관리자 화면이 아직 빌드되지 않았습니다. <code>npm run build</code>를 실행한 뒤 새로고침하세요
(<code>npm start</code>는 빌드 후 서버를 시작합니다).</p>
<p>The admin app has not been built yet. Run <code>npm run build</code> and reload
(<code>npm start</code> builds it before starting the server).</p>
<p>API: <a href="/api/docs">/api/docs</a></p>
</body></html>`;

const MY_PAGE_NOT_BUILT = `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>내 주문</title></head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.6">
<h1>내 주문 (My Page)</h1>
<p>마이페이지 화면이 아직 빌드되지 않았습니다. <code>npm run build</code>를 실행한 뒤 새로고침하세요.</p>
<p>My Page has not been built yet. Run <code>npm run build</code> and reload.</p>
</body></html>`;

/** The path of a file under root for a URL path, or null when it is not a plain file there. */
function fileUnder(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relativePath = normalize(decoded).replace(/^[/\\]+/, '');
  const full = join(root, relativePath);
  const inside = relative(root, full);
  if (inside === '' || inside.startsWith('..') || inside.split(sep).some((part) => part.startsWith('.'))) return null;
  try {
    return statSync(full).isFile() ? inside : null;
  } catch {
    return null;
  }
}

/**
 * Answers a path of a built single-page app: a file of the build (hashed assets cached for good),
 * or its index.html for the app's own routes, so they survive a reload or a shared link. A file
 * goes out as its Brotli or gzip copy when the browser accepts one and the build wrote it. The build
 * is looked for on each request: a build made after the server started is served without a
 * restart, and a missing build is a page saying what to run, never a crash.
 */
function sendApp(reply: FastifyReply, root: string, path: string, notBuilt: string) {
  if (!existsSync(join(root, 'index.html'))) return reply.type('text/html; charset=utf-8').send(notBuilt);
  const file = fileUnder(root, path);
  // the build wrote .br and .gz copies beside its files (vite.precompress.ts): which one is sent depends on Accept-Encoding
  reply.header('vary', 'accept-encoding');
  // Vite puts a content hash in every asset name: those never change under the same name.
  if (file?.startsWith(`assets${sep}`)) return reply.sendFile(file, root, { maxAge: '365d', immutable: true });
  // Anything else (index.html above all) is checked again on every load, so a new build shows at once.
  reply.header('cache-control', 'no-cache');
  return reply.sendFile(file ?? 'index.html', root, { cacheControl: false });
}

/**
 * Serves the built web apps: the admin at `/`, the buyer's My Page at `/my` and `/my/*` (base
 * `/my/`). API paths keep the API's JSON 404. Server pages under /my (the member hand-off, the
 * test gateway's window) are routes of their own with exact paths, which Fastify's router prefers
 * to the `/my/*` wildcard whatever the order they were registered in.
 */
export const webAppRoutes: FastifyPluginAsync<{ root?: string; myPageRoot?: string }> = async (app, opts) => {
  const root = opts.root ?? ADMIN_DIST;
  const myPageRoot = opts.myPageRoot ?? MY_PAGE_DIST;
  // preCompressed: `x.js` is answered with `x.js.br` or `x.js.gz` (same bytes once decoded) when accepted, else as it is
  await app.register(fastifyStatic, { root, serve: false, preCompressed: true });

  const myPage = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/my';
    return sendApp(reply, myPageRoot, path.slice('/my'.length) || '/', MY_PAGE_NOT_BUILT);
  };
  app.get('/my', { schema: { hide: true }, config: { access: 'public' } }, myPage);
  app.get('/my/*', { schema: { hide: true }, config: { access: 'public' } }, myPage);

  app.get('/*', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/')) return reply.callNotFound();
    return sendApp(reply, root, path, NOT_BUILT_PAGE);
  });
};
