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
 * Vite and the apps' libraries are devDependencies: `npm ci --omit=dev` leaves them out, and a server
 * installed so is meant to serve a dist/ built elsewhere. Nothing here imports vite unless it builds;
 * without vite, a dist/ that is there is served as it is (said on the console), and no dist/ at all
 * stops `npm start` with what to do (decideBuild).
 *
 * Run: `tsx scripts/build-if-changed.ts [--force]`
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));

/**
 * What the builds read: the apps, the contracts and domain modules they import (eslint.config.js
 * allows nothing else from src), their configs, and the exact dependency versions.
 */
const INPUT_FOLDERS = ['src/web', 'src/contracts', 'src/domain'];
const INPUT_FILES = ['vite.config.ts', 'vite.my-page.config.ts', 'vite.chunks.ts', 'vite.precompress.ts', 'tsconfig.json', 'package-lock.json'];
const CONFIGS = ['vite.config.ts', 'vite.my-page.config.ts'];
/** What a finished build leaves: without it the stamp proves nothing (dist wiped by hand). */
const OUTPUTS = ['dist/admin/index.html', 'dist/my-page/index.html'];
const STAMP = 'dist/.build-stamp';

function filesUnder(root: string, folder: string): string[] {
  const entries = readdirSync(join(root, folder), { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)));
}

/** One hash over the inputs' paths and contents, in a stable order. */
export function sourceHash(root = REPO): string {
  const hash = createHash('sha256');
  const files = [...INPUT_FOLDERS.flatMap((folder) => filesUnder(root, folder)), ...INPUT_FILES].sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function builtStamp(root: string): string | null {
  try {
    return readFileSync(join(root, STAMP), 'utf8').trim();
  } catch {
    return null;
  }
}

/** Whether vite can be loaded from `root` (a devDependency: absent after `npm ci --omit=dev`). */
export function viteInstalled(root = REPO): boolean {
  try {
    createRequire(join(root, 'package.json')).resolve('vite/package.json');
    return true;
  } catch {
    return false;
  }
}

export type BuildDecision = 'up to date' | 'build' | 'serve as built' | 'cannot build';

export interface BuildState {
  force: boolean;
  /** Both apps' index.html are in dist/. */
  outputsPresent: boolean;
  /** The source hash dist/ was built from (its stamp), null without one. */
  builtHash: string | null;
  sourceHash: string;
  viteInstalled: boolean;
}

/**
 * Build only what is out of date and only with vite at hand. Without vite, a built dist/ is served
 * even when built from other sources (a prebuilt dist/ copied onto a production install); without
 * either there is nothing to serve.
 */
export function decideBuild(state: BuildState): BuildDecision {
  if (!state.force && state.outputsPresent && state.builtHash === state.sourceHash) return 'up to date';
  if (state.viteInstalled) return 'build';
  return state.outputsPresent && !state.force ? 'serve as built' : 'cannot build';
}

export class CannotBuildError extends Error {}

export type BuildOutcome = 'built' | 'up to date' | 'serve as built';

export async function buildIfChanged(options: { force?: boolean; root?: string; viteInstalled?: boolean } = {}): Promise<BuildOutcome> {
  const root = options.root ?? REPO;
  const hash = sourceHash(root);
  const decision = decideBuild({
    force: options.force ?? false,
    outputsPresent: OUTPUTS.every((file) => existsSync(join(root, file))),
    builtHash: builtStamp(root),
    sourceHash: hash,
    viteInstalled: options.viteInstalled ?? viteInstalled(root),
  });
  if (decision === 'cannot build') {
    throw new CannotBuildError(
      'The web apps are not built (no dist/admin, dist/my-page) and vite, a devDependency, is not installed to build them. ' +
        'Run `npm install` (with devDependencies) and `npm start` again, or copy a dist/ built by `npm run build` into this folder.',
    );
  }
  if (decision !== 'build') return decision;
  // no stamp while building: an interrupted build must not pass for a finished one
  rmSync(join(root, STAMP), { force: true });
  // vite is loaded only to build: the check alone stays a fraction of a second, and needs no devDependency
  const { build } = await import('vite');
  for (const config of CONFIGS) await build({ configFile: join(root, config), logLevel: 'warn' });
  writeFileSync(join(root, STAMP), `${hash}\n`);
  return 'built';
}

const SAY: Record<BuildOutcome, (seconds: string) => string> = {
  built: (seconds) => `web apps built into dist/ (${seconds} s)`,
  'up to date': (seconds) => `web apps in dist/ are up to date with their sources (checked in ${seconds} s)`,
  'serve as built': () =>
    'web apps in dist/ were built from other sources than these, and vite (a devDependency) is not installed to build them again: serving dist/ as it is. ' +
    '`npm install && npm run build` brings it up to date.',
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  try {
    const outcome = await buildIfChanged({ force: process.argv.includes('--force') });
    console.log(SAY[outcome](((Date.now() - started) / 1000).toFixed(1)));
  } catch (error) {
    if (!(error instanceof CannotBuildError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
