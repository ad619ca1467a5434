export * from './divisions.service';
export * from './dto/metrics.response';
export * from './metrics.module';
export * from './metrics.service';
