import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm start` on demo data also serves the demo storefront (examples/storefront): a separate
 * process that reaches Jumun only over HTTP with a shop API key. The key is handed over in a file
 * in the data folder (owner-only), written when the demo shop is made — the database keeps only
 * its hash, so this is the one moment it can be.
 */
const storefrontMain = fileURLToPath(new URL('../../examples/storefront/main.ts', import.meta.url));

export const storefrontKeyFile = (dataDir: string) => join(dataDir, 'demo-storefront.key');

export function keepStorefrontKey(dataDir: string, apiKey: string): void {
  mkdirSync(dataDir, { recursive: true });
  const file = storefrontKeyFile(dataDir);
  writeFileSync(file, `${apiKey}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

/** Starts the storefront when the demo shop's key is at hand; its output joins ours. Null when there is none. */
export function startDemoStorefront(options: { dataDir: string; jumunUrl: string; port: number }): ChildProcess | null {
  const keyFile = storefrontKeyFile(options.dataDir);
  if (!existsSync(keyFile)) return null;
  const child = spawn(process.execPath, ['--import', 'tsx', storefrontMain], {
    env: { ...process.env, JUMUN_URL: options.jumunUrl, STOREFRONT_API_KEY_FILE: keyFile, STOREFRONT_PORT: String(options.port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal === null) console.error(`demo storefront stopped (exit ${code}); Jumun keeps running`);
  });
  const stop = () => child.kill('SIGTERM');
  process.once('exit', stop);
  return child;
}
