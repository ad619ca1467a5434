import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditQueryDto } from '@careops/audit';
import { FacilityController, MANAGING, Roles, SUPERVISING } from '@careops/platform';
import { AuditTrailService } from './audit-trail.service';
import { AuditActorResponse, AuditTrailPageResponse } from './dto/audit-trail.response';

/**
 * Who reads a facility's trail (docs/rules.md §1): its manager, the platform, and the regulator over
 * it (read-only supervision). Not the accountant: the trail tells of residents and staff, and the
 * claim's own history shows the accountant's work.
 */
const AUDIT_READERS = [...new Set([...MANAGING, ...SUPERVISING])];

@ApiTags('audit')
@FacilityController('audit')
export class AuditTrailController {
  constructor(private readonly trail: AuditTrailService) {}

  @Get()
  @Roles(...AUDIT_READERS)
  @ApiOperation({ summary: "The facility's audit trail in [from, to), newest first, filtered by person and kind, one sentence per entry" })
  @ApiOkResponse({ type: AuditTrailPageResponse })
  list(@Query() q: AuditQueryDto) {
    return this.trail.page(q);
  }

  @Get('actors')
  @Roles(...AUDIT_READERS)
  @ApiOperation({ summary: 'Everyone who appears in the trail (the filter by person)' })
  @ApiOkResponse({ type: [AuditActorResponse] })
  actors() {
    return this.trail.actors();
  }
}
