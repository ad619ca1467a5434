export * from './beds.module';
export * from './beds.service';
export * from './dto/bed.dto';
export * from './dto/bed.response';
export * from './bed-availability.repository';
