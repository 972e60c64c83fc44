import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIfChanged, CannotBuildError, decideBuild, sourceHash, viteInstalled, type BuildState } from '../scripts/build-if-changed';

/**
 * `npm start` on an install without devDependencies (`npm ci --omit=dev`): a dist/ built elsewhere
 * is served, nothing imports vite, and with no dist/ at all the start stops with what to do.
 */

const state = (change: Partial<BuildState>): BuildState => ({ force: false, outputsPresent: true, builtHash: 'abc', sourceHash: 'abc', viteInstalled: true, ...change });

describe('decideBuild', () => {
  it('builds only what changed, and only with vite installed', () => {
    expect(decideBuild(state({}))).toBe('up to date');
    expect(decideBuild(state({ viteInstalled: false }))).toBe('up to date');
    expect(decideBuild(state({ builtHash: 'old' }))).toBe('build');
    expect(decideBuild(state({ outputsPresent: false }))).toBe('build');
    expect(decideBuild(state({ force: true }))).toBe('build');
  });

  it('serves a built dist/ as it is when vite is not installed, and stops when there is none', () => {
    expect(decideBuild(state({ builtHash: 'old', viteInstalled: false }))).toBe('serve as built');
    expect(decideBuild(state({ builtHash: null, viteInstalled: false }))).toBe('serve as built');
    expect(decideBuild(state({ outputsPresent: false, builtHash: null, viteInstalled: false }))).toBe('cannot build');
    expect(decideBuild(state({ force: true, viteInstalled: false }))).toBe('cannot build');
  });
});

describe('buildIfChanged without vite', () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  /** A folder shaped like the repository: the builds' inputs, and dist/ when `built`. */
  function project(built: boolean): string {
    const root = mkdtempSync(join(tmpdir(), 'jumun-build-'));
    roots.push(root);
    const files: Record<string, string> = {
      'src/web/admin/main.tsx': 'export {};\n',
      'src/contracts/a.ts': 'export const a = 1;\n',
      'src/domain/b.ts': 'export const b = 2;\n',
      'vite.config.ts': 'export default {};\n',
      'vite.my-page.config.ts': 'export default {};\n',
      'vite.chunks.ts': 'export const vendorChunks = {};\n',
      'vite.precompress.ts': 'export const precompress = () => ({});\n',
      'tsconfig.json': '{}\n',
      'package-lock.json': '{}\n',
      'package.json': '{ "name": "copy" }\n',
      ...(built ? { 'dist/admin/index.html': '<!doctype html><title>admin</title>', 'dist/my-page/index.html': '<!doctype html><title>my</title>' } : {}),
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  }

  it('finds vite in this repository and not in a folder without node_modules', () => {
    expect(viteInstalled()).toBe(true);
    expect(viteInstalled(project(false))).toBe(false);
  });

  it('serves a dist/ built from other sources as it is, without touching it', async () => {
    const root = project(true);
    writeFileSync(join(root, 'dist/.build-stamp'), 'built-from-other-sources\n');
    await expect(buildIfChanged({ root })).resolves.toBe('serve as built');
    expect(readFileSync(join(root, 'dist/admin/index.html'), 'utf8')).toContain('admin');
    expect(readFileSync(join(root, 'dist/.build-stamp'), 'utf8')).toBe('built-from-other-sources\n');
  });

  it('says a dist/ built from these sources is up to date', async () => {
    const root = project(true);
    writeFileSync(join(root, 'dist/.build-stamp'), `${sourceHash(root)}\n`);
    await expect(buildIfChanged({ root })).resolves.toBe('up to date');
  });

  it('stops with what to do when there is neither a dist/ nor vite', async () => {
    const root = project(false);
    const outcome = buildIfChanged({ root });
    await expect(outcome).rejects.toBeInstanceOf(CannotBuildError);
    await expect(outcome).rejects.toThrow(/npm install/);
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });
});
