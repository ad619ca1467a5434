export * from './dto/facility.dto';
export * from './facilities.module';
export * from './facilities.service';
export * from './facility.entity';
export * from './dto/facility.response';
