import pg from 'pg';

/** One statement on the PostgreSQL server of DATABASE_URL (CREATE/DROP DATABASE for a test of its own). */
export async function adminStatement(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
