/** Everything the server reads from the environment, in one place. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Orders made on first start of an empty database (0 turns demo data off). */
  demoOrders: number;
  ownerPassword: string | undefined;
  secureCookies: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.JUMUN_DATA_DIR ?? './data',
    demoOrders: Number(env.JUMUN_DEMO_ORDERS ?? 3000),
    ownerPassword: env.JUMUN_OWNER_PASSWORD || undefined,
    secureCookies: env.JUMUN_SECURE_COOKIES === '1',
  };
}
