export * from './audit-trail.module';
export * from './audit-trail.service';
export * from './audit-sentences';
export * from './dto/audit-trail.response';
