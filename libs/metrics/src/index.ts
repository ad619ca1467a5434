export * from './divisions.service';
export * from './metrics.module';
export * from './metrics.service';
