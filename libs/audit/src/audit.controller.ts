import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FacilityController, MANAGING, Roles, SUPERVISING } from '@careops/platform';
import { AuditService } from './audit.service';
import { AuditQueryDto } from './dto/audit-query.dto';
import { AuditPageResponse } from './dto/audit.response';

/** Who reads a facility's trail: its manager, the platform and the regulator over it. */
const AUDIT_READERS = [...new Set([...MANAGING, ...SUPERVISING])];

@ApiTags('audit')
@FacilityController('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles(...AUDIT_READERS)
  @ApiOperation({ summary: "The facility's audit trail in [from, to), newest first, paginated" })
  @ApiOkResponse({ type: AuditPageResponse })
  list(@Query() q: AuditQueryDto) {
    return this.audit.listPage(q);
  }
}
