import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Executor } from './db/client';
import { ensureHandoffSecret } from './my/handoff';

/**
 * `npm start` on demo data also serves the demo storefront (examples/storefront): a separate
 * process that reaches Jumun only over HTTP with a shop API key. The key is handed over in a file
 * in the data folder (owner-only), written when the demo shop is made — the database keeps only
 * its hash, so this is the one moment it can be. The shop's member hand-off secret (the storefront
 * signs its members into My Page with it) goes beside it at every start, made if the shop has none:
 * a data folder from before hand-off existed gets one too.
 */
const storefrontMain = fileURLToPath(new URL('../../examples/storefront/main.ts', import.meta.url));

export const storefrontKeyFile = (dataDir: string) => join(dataDir, 'demo-storefront.key');

export const storefrontHandoffFile = (dataDir: string) => join(dataDir, 'demo-storefront.handoff');

function writeOwnerOnly(file: string, content: string): void {
  writeFileSync(file, `${content}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

export function keepStorefrontKey(dataDir: string, apiKey: string): void {
  mkdirSync(dataDir, { recursive: true });
  writeOwnerOnly(storefrontKeyFile(dataDir), apiKey);
}

/** The shop an API key belongs to (`jm_<shopId>_<secret>`). */
export function shopOfApiKey(apiKey: string): number | null {
  const match = /^jm_([1-9]\d*)_/.exec(apiKey.trim());
  return match ? Number(match[1]) : null;
}

/**
 * Writes the hand-off secret of the storefront's shop beside its key (making one when the shop has
 * none — never replacing one the owner made). Without it the storefront still runs; its members
 * then reach My Page only by the guest lookup.
 */
export async function keepStorefrontHandoffSecret(db: Executor, storefront: DemoStorefront): Promise<void> {
  const shopId = shopOfApiKey(readFileSync(storefront.keyFile, 'utf8'));
  const secret = shopId === null ? null : await ensureHandoffSecret(db, shopId);
  if (secret) writeOwnerOnly(storefront.handoffFile, secret);
}

export interface DemoStorefront {
  keyFile: string;
  /** The shop's member hand-off secret (written by keepStorefrontHandoffSecret). */
  handoffFile: string;
  port: number;
  /** Where it listens, and so where its webhook endpoint points. */
  origin: string;
}

/** The demo storefront to start, when the demo shop's key is at hand (the demo shop was made here). */
export function demoStorefrontOf(dataDir: string, port: number): DemoStorefront | null {
  const keyFile = storefrontKeyFile(dataDir);
  return existsSync(keyFile) ? { keyFile, handoffFile: storefrontHandoffFile(dataDir), port, origin: `http://127.0.0.1:${port}` } : null;
}

/** Starts it as a process of its own; its output joins ours, and it stops when we do. */
export function startDemoStorefront(storefront: DemoStorefront, jumunUrl: string): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', storefrontMain], {
    env: {
      ...process.env,
      JUMUN_URL: jumunUrl,
      STOREFRONT_API_KEY_FILE: storefront.keyFile,
      ...(existsSync(storefront.handoffFile) ? { STOREFRONT_HANDOFF_SECRET_FILE: storefront.handoffFile } : {}),
      STOREFRONT_PORT: String(storefront.port),
      STOREFRONT_PUBLIC_URL: storefront.origin,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal === null) console.error(`demo storefront stopped (exit ${code}); Jumun keeps running`);
  });
  process.once('exit', () => child.kill('SIGTERM'));
  return child;
}
