import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** What is worth compressing: text. Images and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json)$/;
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;

/**
 * Writes `<file>.br` and `<file>.gz` beside `file` (when they are smaller): the server sends them
 * to a browser that accepts them (@fastify/static's `preCompressed`, src/server/web/static.ts), so
 * nothing is compressed per request and the smallest form goes out. Brotli at its highest quality
 * and gzip at 9: a build pays once, every download gains.
 */
export async function precompressFile(path: string): Promise<void> {
  const bytes = await readFile(path);
  if (bytes.length < MIN_BYTES) return;
  const [br, gz] = await Promise.all([
    brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
    gzipped(bytes, { level: 9 }),
  ]);
  await Promise.all([br.length < bytes.length ? writeFile(`${path}.br`, br) : null, gz.length < bytes.length ? writeFile(`${path}.gz`, gz) : null]);
}

/** The build step: every text file the build wrote gets its compressed copies. */
export function precompress(): Plugin {
  return {
    name: 'jumun-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir;
      if (!dir) return;
      const files = Object.keys(bundle).filter((file) => COMPRESSIBLE.test(file) && !file.startsWith('.vite/'));
      await Promise.all(files.map((file) => precompressFile(join(dir, file))));
    },
  };
}
