// What the end-to-end tests in test/ start in-process: the same module and global set-up as main.ts.
export * from './app.module';
export * from './configure-app';
