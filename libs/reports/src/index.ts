export * from './charts';
export * from './reports.controller';
export * from './reports.module';
export * from './reports.service';
export * from './templates';
export * from './report-jobs';
export * from './document-registry';
