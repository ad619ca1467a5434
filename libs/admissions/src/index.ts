export * from './admissions.module';
export * from './admissions.service';
export * from './dto/admission.dto';
export * from './home-care-beds';
export * from './dto/home-care-bed.dto';
export * from './stays.repository';
