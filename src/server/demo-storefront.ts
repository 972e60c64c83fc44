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

export interface DemoStorefront {
  keyFile: string;
  port: number;
  /** Where it listens, and so where its webhook endpoint points. */
  origin: string;
}

/** The demo storefront to start, when the demo shop's key is at hand (the demo shop was made here). */
export function demoStorefrontOf(dataDir: string, port: number): DemoStorefront | null {
  const keyFile = storefrontKeyFile(dataDir);
  return existsSync(keyFile) ? { keyFile, port, origin: `http://127.0.0.1:${port}` } : null;
}

/** Starts it as a process of its own; its output joins ours, and it stops when we do. */
export function startDemoStorefront(storefront: DemoStorefront, jumunUrl: string): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', storefrontMain], {
    env: { ...process.env, JUMUN_URL: jumunUrl, STOREFRONT_API_KEY_FILE: storefront.keyFile, STOREFRONT_PORT: String(storefront.port), STOREFRONT_PUBLIC_URL: storefront.origin },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal === null) console.error(`demo storefront stopped (exit ${code}); Jumun keeps running`);
  });
  process.once('exit', () => child.kill('SIGTERM'));
  return child;
}
