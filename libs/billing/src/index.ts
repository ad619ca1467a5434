export * from './billing.module';
export * from './billing.service';
export * from './dto/billing.dto';
export * from './dto/billing.response';
