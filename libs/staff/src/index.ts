export * from './dto/staff.dto';
export * from './dto/staff.response';
export * from './staff.module';
export * from './staff.service';
export * from './staffing.service';
export * from './staffing-alerts';
