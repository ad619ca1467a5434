import { Controller, Get, Param, ParseUUIDPipe, Query, UnprocessableEntityException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@careops/platform';
import { AuditService } from './audit.service';
import { AuditQueryDto } from './dto/audit-query.dto';

/** Calendar dates are China's (UTC+8, no daylight saving): midnight there as an instant. */
const startOfDay = (date: string) => new Date(`${date}T00:00:00+08:00`);

@ApiTags('audit')
@Controller('facilities/:facilityId/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('PLATFORM_ADMIN', 'FACILITY_MANAGER', 'REGULATOR')
  @ApiOperation({ summary: "The facility's audit trail in [from, to), newest first, paginated" })
  list(@Param('facilityId', ParseUUIDPipe) facilityId: string, @Query() q: AuditQueryDto) {
    const from = q.from ? startOfDay(q.from) : new Date(0);
    const to = q.to ? startOfDay(q.to) : new Date(Date.now() + 1000);
    if (from >= to) throw new UnprocessableEntityException('from must be before to (开始日期须早于结束日期)');
    return this.audit.list(facilityId, from, to, q.page, q.pageSize);
  }
}
