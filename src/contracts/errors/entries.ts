/** An error code's HTTP status and its message in Korean and English. */
export type ErrorEntries = Record<string, { status: number; ko: string; en: string }>;
