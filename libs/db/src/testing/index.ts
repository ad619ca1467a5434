export * from './test-database';
export * from './before-migration';
export * from './connection-tenant-db';
