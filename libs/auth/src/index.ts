export * from './admin-account';
export * from './auth.module';
export * from './auth.service';
export * from './auth.settings';
export * from './password';
export * from './tokens.service';
export * from './user.entity';
