export * from './assessment.entity';
export * from './dto/resident.dto';
export * from './id-number.protector';
export * from './resident.entity';
export * from './residents.module';
export * from './residents.service';
export * from './rotate-id-keys';
export * from './care-levels.repository';
