export * from './day-care.module';
export * from './day-care.service';
export * from './dto/day-care.dto';
export * from './dto/day-care.response';
