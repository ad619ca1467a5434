export * from './audit-event.entity';
export * from './audit.module';
export * from './audit.service';
export * from './redact';
export * from './idempotency.interceptor';
export * from './audit.repository';
export * from './idempotency.repository';
export * from './dto/audit.response';
