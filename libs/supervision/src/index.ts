export * from './child-divisions';
export * from './dto/supervision.response';
export * from './monthly-reports.service';
export * from './supervision.module';
export { TasksService } from './tasks.service';
export { SubmitMonthlyReportDto, YearQuery } from './dto/supervision.dto';
