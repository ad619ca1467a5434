export * from './admissions.module';
export * from './admissions.service';
export * from './dto/admission.dto';
