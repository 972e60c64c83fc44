import { defineConfig } from 'drizzle-kit';

// Only for `npm run db:generate`: migrations are applied from code at start (src/server/db/migrate.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema/index.ts',
  out: './src/server/db/migrations',
});
