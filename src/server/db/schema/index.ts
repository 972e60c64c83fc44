// The one schema for PGlite and PostgreSQL; drizzle-kit generates migrations from these exports.
export * from './shops';
export * from './customers';
export * from './catalog';
export * from './orders';
export * from './money';
export * from './operations';
export * from './platform';
export * from './test-gateway';
export * from './outbox';
export * from './buyers';
export * from './notifications';
export * from './order-counts';
export * from './exports';
