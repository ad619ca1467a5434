export * from './care-level';
export * from './division';
export * from './id-number';
export * from './roles';
export * from './dates';
export * from './level-segments';
export * from './staffing';
