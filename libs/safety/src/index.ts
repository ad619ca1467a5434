export * from './safety.module';
export * from './safety.service';
export * from './dto/safety.dto';
export * from './dto/safety.response';
