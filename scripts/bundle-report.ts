/**
 * How much JavaScript each first screen downloads: for a route, the app's entry chunk with every
 * chunk it imports statically, plus the route's own lazy chunk (React.lazy in app/routes.tsx) with
 * its static imports — each file once. Read from the manifests the builds write
 * (dist/<app>/.vite/manifest.json, `build.manifest: true`); sizes are of the files on disk, raw and
 * gzip-compressed (zlib's default level, as a reverse proxy compresses them).
 *
 * `npm run bundle-report` prints the table and exits 1 when the login page or the order list is
 * over its budget (BUDGET_GZ_BYTES); the bench prints the same rows (bundleReport).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The first screens' budget: the page staff sign in on and the order list they land on. */
export const BUDGET_GZ_BYTES = 200 * 1024;

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  isEntry?: boolean;
}
type Manifest = Record<string, ManifestChunk>;

interface RouteSpec {
  route: string;
  app: 'admin' | 'my-page';
  /** Manifest keys (source paths under the app's root) of the lazy pages this screen loads. */
  pages: string[];
  budget: boolean;
}

const ROUTES: readonly RouteSpec[] = [
  { route: 'admin /login', app: 'admin', pages: ['features/auth/components/login-page.tsx'], budget: true },
  { route: 'admin /orders (order list)', app: 'admin', pages: ['features/order-list/components/order-list-page.tsx'], budget: true },
  { route: 'admin /login, then /orders', app: 'admin', pages: ['features/auth/components/login-page.tsx', 'features/order-list/components/order-list-page.tsx'], budget: false },
  { route: 'admin /orders/:id (order detail)', app: 'admin', pages: ['features/order-detail/OrderDetailPage.tsx'], budget: false },
  { route: 'My Page /my (주문조회)', app: 'my-page', pages: ['features/session/components/lookup-page.tsx'], budget: false },
  { route: 'My Page /my/orders/:n (order)', app: 'my-page', pages: ['features/order-detail/components/order-detail-page.tsx'], budget: false },
];

export interface BundleRow {
  route: string;
  /** JS files loaded, entry first. */
  files: string[];
  rawBytes: number;
  gzBytes: number;
  /** CSS the same chunks link (gzip-compressed). */
  cssGzBytes: number;
  budgetGzBytes: number | null;
}

function readManifest(app: string): Manifest {
  const path = join(root, 'dist', app, '.vite', 'manifest.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: build the web apps first (npm run build)`);
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/** The chunk of `key` and everything it imports statically, each once, in load order. */
function staticClosure(manifest: Manifest, key: string, seen: Set<string>): ManifestChunk[] {
  if (seen.has(key)) return [];
  seen.add(key);
  const chunk = manifest[key];
  if (!chunk) throw new Error(`no chunk "${key}" in the manifest: was the page moved or no longer lazy?`);
  return [chunk, ...(chunk.imports ?? []).flatMap((next) => staticClosure(manifest, next, seen))];
}

const sizes = new Map<string, { raw: number; gz: number }>();
function sizeOf(app: string, file: string) {
  const path = join(root, 'dist', app, file);
  let size = sizes.get(path);
  if (!size) {
    const bytes = readFileSync(path);
    size = { raw: bytes.length, gz: gzipSync(bytes).length };
    sizes.set(path, size);
  }
  return size;
}

export function bundleReport(): BundleRow[] {
  const manifests = { admin: readManifest('admin'), 'my-page': readManifest('my-page') };
  return ROUTES.map((spec) => {
    const manifest = manifests[spec.app];
    const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
    if (!entry) throw new Error(`the ${spec.app} manifest has no entry`);
    const seen = new Set<string>();
    const chunks = [entry, ...spec.pages].flatMap((key) => staticClosure(manifest, key, seen));
    const files = chunks.map((c) => c.file);
    const css = [...new Set(chunks.flatMap((c) => c.css ?? []))];
    const js = files.map((file) => sizeOf(spec.app, file));
    return {
      route: spec.route,
      files,
      rawBytes: js.reduce((sum, s) => sum + s.raw, 0),
      gzBytes: js.reduce((sum, s) => sum + s.gz, 0),
      cssGzBytes: css.reduce((sum, file) => sum + sizeOf(spec.app, file).gz, 0),
      budgetGzBytes: spec.budget ? BUDGET_GZ_BYTES : null,
    };
  });
}

export const overBudget = (rows: readonly BundleRow[]) => rows.filter((r) => r.budgetGzBytes !== null && r.gzBytes > r.budgetGzBytes);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function bundleTable(rows: readonly BundleRow[]): string {
  const lines = ['| route | JS gz | JS raw | files | CSS gz | budget |', '| --- | ---: | ---: | ---: | ---: | --- |'];
  for (const r of rows) {
    const budget = r.budgetGzBytes === null ? '' : `≤ ${kb(r.budgetGzBytes)} ${r.gzBytes <= r.budgetGzBytes ? '✓' : '✗'}`;
    lines.push(`| ${r.route} | ${kb(r.gzBytes)} | ${kb(r.rawBytes)} | ${r.files.length} | ${kb(r.cssGzBytes)} | ${budget} |`);
  }
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = bundleReport();
  console.log(bundleTable(rows));
  if (process.argv.includes('--files')) for (const r of rows) console.log(`\n${r.route}: ${r.files.join(' ')}`);
  const over = overBudget(rows);
  for (const r of over) console.error(`${r.route} loads ${kb(r.gzBytes)} of gzipped JavaScript, over its ${kb(r.budgetGzBytes ?? 0)}`);
  process.exitCode = over.length > 0 ? 1 : 0;
}
