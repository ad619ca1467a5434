export * from './data-health/data-health.job';
export * from './data-health/data-health.module';
export * from './data-health/data-health.service';
export * from './demo/demo-seed';
export * from './demo/demo-data';
export * from './staffing-alerts/staffing-alerts.job';
export * from './claims-jobs/monthly-claims.job';
export * from './worker-jobs.module';
