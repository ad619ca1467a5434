import { Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_ROLE, FacilityController, Roles } from '@careops/platform';
import { FacilityMonthlyReportsResponse } from './dto/supervision.response';
import { MonthlyReportsService } from './monthly-reports.service';

/** The facility's monthly reports; the submission (POST), which issues the month's document, is in the reports (MonthlyReportSubmissionsController). */
@ApiTags('supervision')
@FacilityController('monthly-reports')
export class MonthlyReportsController {
  constructor(private readonly reports: MonthlyReportsService) {}

  @Get()
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'the report due now (last month’s) and every submission, newest month first' })
  @ApiOkResponse({ type: FacilityMonthlyReportsResponse })
  history() {
    return this.reports.history();
  }
}
