export * from './data-source';
export * from './database-error';
export * from './migrations';
export * from './migrator';
export * from './queue/queue.module';
