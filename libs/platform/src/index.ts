export * from './boot/boot';
export * from './config/config';
export * from './config/config.module';
export * from './http/domain-error';
export * from './http/exception.filter';
export * from './http/request-id';
export * from './http/validation';
export * from './logging/logging.module';
