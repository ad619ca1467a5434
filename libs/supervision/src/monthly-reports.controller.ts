import { Body, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_ROLE, FacilityController, MANAGING, Roles } from '@careops/platform';
import { SubmitMonthlyReportDto } from './dto/supervision.dto';
import { FacilityMonthlyReportsResponse, MonthlyReportResponse } from './dto/supervision.response';
import { MonthlyReportsService } from './monthly-reports.service';

@ApiTags('supervision')
@FacilityController('monthly-reports')
export class MonthlyReportsController {
  constructor(private readonly reports: MonthlyReportsService) {}

  @Post()
  @Roles(...MANAGING)
  @ApiOperation({ summary: '报送月报: a past month’s figures, frozen; again with a reason to correct it (the first is kept)' })
  @ApiCreatedResponse({ type: MonthlyReportResponse })
  submit(@Body() dto: SubmitMonthlyReportDto) {
    return this.reports.submit(dto.month, dto.reason);
  }

  @Get()
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'the report due now (last month’s) and every submission, newest month first' })
  @ApiOkResponse({ type: FacilityMonthlyReportsResponse })
  history() {
    return this.reports.history();
  }
}
