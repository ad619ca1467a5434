export * from './test-database';
export * from './before-migration';
