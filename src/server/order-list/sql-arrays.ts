import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** Elements that need no quotes in an array literal; anything else is quoted and escaped. */
const BARE = /^[A-Za-z0-9_]+$/;

/**
 * The PostgreSQL literal of a one-dimensional array: `{a,"홍길",12}`. Written by hand because the
 * two drivers serialize JavaScript arrays differently; as one text parameter cast to the array
 * type, a value list is one bind parameter whatever its length. NULL would be the word NULL,
 * so it is quoted like every element that is not plainly alphanumeric.
 */
export function arrayLiteral(values: ReadonlyArray<string | number>): string {
  const parts = values.map((v) => {
    const text = String(v);
    return BARE.test(text) && text.toUpperCase() !== 'NULL' ? text : `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  });
  return `{${parts.join(',')}}`;
}

export const textArray = (values: readonly string[]): SQL => sql`${arrayLiteral(values)}::text[]`;
export const bigintArray = (values: readonly number[]): SQL => sql`${arrayLiteral(values)}::bigint[]`;

/**
 * `column = any('{…}'::bigint[])`: a list of ids as one parameter. Preferred to inArray for the
 * batches of bulk jobs: a thousand bind parameters cost the driver and planner far more than the
 * index lookups they ask for.
 */
export const inIds = (column: AnyPgColumn, ids: readonly number[]): SQL => sql`${column} = any(${bigintArray(ids)})`;
