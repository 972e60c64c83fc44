/**
 * Builds the two web apps (the admin into dist/admin, My Page into dist/my-page) — only when their
 * sources changed since the last build. `npm start` runs it before the server, and so does the
 * browser tests' server (playwright.config.ts): CI runs the browser suite once per database, and
 * the second run (like every local run after the first) no longer pays for two builds it already has.
 *
 * "Changed" is a content hash of everything a build reads (INPUT_FOLDERS, INPUT_FILES), kept in dist/.build-stamp
 * next to the output; file times are not trusted, since a checkout or a copy rewrites them.
 * `npm run build` still builds unconditionally; `--force` does the same here.
 *
 * Run: `tsx scripts/build-if-changed.ts [--force]`
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * What the builds read: the apps, the contracts and domain modules they import (eslint.config.js
 * allows nothing else from src), their configs, and the exact dependency versions.
 */
const INPUT_FOLDERS = ['src/web', 'src/contracts', 'src/domain'];
const INPUT_FILES = ['vite.config.ts', 'vite.my-page.config.ts', 'tsconfig.json', 'package-lock.json'];
const CONFIGS = ['vite.config.ts', 'vite.my-page.config.ts'];
/** What a finished build leaves: without it the stamp proves nothing (dist wiped by hand). */
const OUTPUTS = ['dist/admin/index.html', 'dist/my-page/index.html'];
const STAMP = 'dist/.build-stamp';

function filesUnder(folder: string): string[] {
  const entries = readdirSync(join(root, folder), { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)));
}

/** One hash over the inputs' paths and contents, in a stable order. */
export function sourceHash(): string {
  const hash = createHash('sha256');
  const files = [...INPUT_FOLDERS.flatMap(filesUnder), ...INPUT_FILES].sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function builtStamp(): string | null {
  if (!OUTPUTS.every((file) => existsSync(join(root, file)))) return null;
  try {
    return readFileSync(join(root, STAMP), 'utf8').trim();
  } catch {
    return null;
  }
}

export async function buildIfChanged(options: { force?: boolean } = {}): Promise<'built' | 'up to date'> {
  const hash = sourceHash();
  if (!options.force && builtStamp() === hash) return 'up to date';
  // no stamp while building: an interrupted build must not pass for a finished one
  rmSync(join(root, STAMP), { force: true });
  // vite is loaded only to build: the check alone stays a fraction of a second
  const { build } = await import('vite');
  for (const config of CONFIGS) await build({ configFile: join(root, config), logLevel: 'warn' });
  writeFileSync(join(root, STAMP), `${hash}\n`);
  return 'built';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  const outcome = await buildIfChanged({ force: process.argv.includes('--force') });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(outcome === 'built' ? `web apps built into dist/ (${seconds} s)` : `web apps in dist/ are up to date with their sources (checked in ${seconds} s)`);
}
