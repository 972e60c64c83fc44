/**
 * The demo storefront for the browser tests: waits for the e2e server (start-server.ts) to hand it
 * the API key of the shop made for it, then runs examples/storefront as `npm start` would.
 * Run by playwright.config.ts as a second web server.
 */
import { existsSync } from 'node:fs';
import { setTimeout as pause } from 'node:timers/promises';
import { storefrontHandoffFile, storefrontKeyFile } from './accounts';

const jumunPort = process.env.E2E_PORT ?? '';
const keyFile = storefrontKeyFile(jumunPort);
// the e2e server seeds its shops first; this only waits for its file (Playwright's timeout bounds it)
while (!existsSync(keyFile)) await pause(250);
process.env.JUMUN_URL = `http://127.0.0.1:${jumunPort}`;
process.env.STOREFRONT_API_KEY_FILE = keyFile;
process.env.STOREFRONT_HANDOFF_SECRET_FILE = storefrontHandoffFile(jumunPort);
process.env.STOREFRONT_PORT = process.env.E2E_STOREFRONT_PORT ?? '0';
process.env.STOREFRONT_PUBLIC_URL = `http://127.0.0.1:${process.env.STOREFRONT_PORT}`;
await import('../../examples/storefront/main');
