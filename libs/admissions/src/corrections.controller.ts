import { Body, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_ROLE, FacilityController, MANAGING, Roles } from '@careops/platform';
import { CorrectionsService } from './corrections.service';
import { CorrectionsQuery, VoidDto } from './dto/correction.dto';
import { CorrectionResponse } from './dto/correction.response';

/** Corrections 撤销 (docs/rules.md §12): a manager voids an entry made in error, with a reason. */
@ApiTags('corrections')
@FacilityController('')
export class CorrectionsController {
  constructor(private readonly corrections: CorrectionsService) {}

  @Post('admissions/:admissionId/void')
  @Roles(...MANAGING)
  @ApiOperation({ summary: '撤销入住: void an admission with its stays and leaves; the board, claims and counts forget it' })
  @ApiCreatedResponse({ type: CorrectionResponse })
  voidAdmission(@Param('admissionId', ParseUUIDPipe) id: string, @Body() dto: VoidDto) {
    return this.corrections.voidAdmission(id, dto.reason);
  }

  @Post('transfers/:stayId/void')
  @Roles(...MANAGING)
  @ApiOperation({
    summary: '撤销转床: void the transfer that opened this bed stay (the latest of the admission); the bed left keeps the days',
  })
  @ApiCreatedResponse({ type: CorrectionResponse })
  voidTransfer(@Param('stayId', ParseUUIDPipe) id: string, @Body() dto: VoidDto) {
    return this.corrections.voidTransfer(id, dto.reason);
  }

  @Post('leaves/:leaveId/void')
  @Roles(...MANAGING)
  @ApiOperation({ summary: '撤销请假: void a leave or hospital stay' })
  @ApiCreatedResponse({ type: CorrectionResponse })
  voidLeave(@Param('leaveId', ParseUUIDPipe) id: string, @Body() dto: VoidDto) {
    return this.corrections.voidLeave(id, dto.reason);
  }

  @Post('discharges/:admissionId/void')
  @Roles(...MANAGING)
  @ApiOperation({ summary: '撤销退住: void the discharge of this admission; the resident is in care again on the same bed' })
  @ApiCreatedResponse({ type: CorrectionResponse })
  voidDischarge(@Param('admissionId', ParseUUIDPipe) id: string, @Body() dto: VoidDto) {
    return this.corrections.voidDischarge(id, dto.reason);
  }

  @Post('assessments/:assessmentId/void')
  @Roles(...MANAGING)
  @ApiOperation({ summary: '撤销评估: void an assessment; the level history goes back to what it was without it' })
  @ApiCreatedResponse({ type: CorrectionResponse })
  voidAssessment(@Param('assessmentId', ParseUUIDPipe) id: string, @Body() dto: VoidDto) {
    return this.corrections.voidAssessment(id, dto.reason);
  }

  @Get('corrections')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Voids 撤销记录, newest first (of one resident with residentId)' })
  @ApiOkResponse({ type: [CorrectionResponse] })
  list(@Query() q: CorrectionsQuery) {
    return this.corrections.list(q.residentId);
  }
}
