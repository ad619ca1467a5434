export * from './beds.module';
export * from './beds.service';
export * from './dto/bed.dto';
