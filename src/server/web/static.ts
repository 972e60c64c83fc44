import { existsSync, statSync } from 'node:fs';
import { join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

/** Where `npm run build` (vite build) writes the admin app. */
export const ADMIN_DIST = fileURLToPath(new URL('../../../dist/admin', import.meta.url));

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
 * Serves the built admin app at `/`: its files, and index.html for every other non-API path so
 * that the app's own routes (/orders, /orders/123 …) survive a reload or a shared link. API paths
 * keep the API's JSON 404. The build is looked for on each request, so a build made after the
 * server started is served without a restart, and a missing build is a page saying what to run,
 * never a crash.
 */
export const webAppRoutes: FastifyPluginAsync<{ root?: string }> = async (app, opts) => {
  const root = opts.root ?? ADMIN_DIST;
  await app.register(fastifyStatic, { root, serve: false });

  app.get('/*', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/')) return reply.callNotFound();
    if (!existsSync(join(root, 'index.html'))) return reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
    const file = fileUnder(root, path);
    // Vite puts a content hash in every asset name: those never change under the same name.
    if (file?.startsWith(`assets${sep}`)) return reply.sendFile(file, { maxAge: '365d', immutable: true });
    // Anything else (index.html above all) is checked again on every load, so a new build shows at once.
    reply.header('cache-control', 'no-cache');
    return reply.sendFile(file ?? 'index.html', { cacheControl: false });
  });
};
