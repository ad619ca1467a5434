import { Body, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_ROLE, FacilityController, MANAGING, Roles } from '@careops/platform';
import { SafetyService } from './safety.service';
import {
  CloseIncidentDto,
  IncidentDto,
  IncidentQuery,
  RiskAssessmentDto,
  SafetyDrillDto,
  SafetyDrillQuery,
  SafetyMonthQuery,
} from './dto/safety.dto';
import {
  IncidentResponse,
  ResidentRiskResponse,
  RiskAssessmentResponse,
  SafetyDrillResponse,
  SafetySummaryResponse,
} from './dto/safety.response';

/** Service safety (docs/rules.md §10): the manager records, every role of the facility reads. */
@ApiTags('safety')
@FacilityController('')
export class SafetyController {
  constructor(private readonly safety: SafetyService) {}

  @Post('residents/:residentId/risk-assessments')
  @Roles(...MANAGING)
  @ApiOperation({ summary: '九防: rate the nine risks NONE/LOW/HIGH; each HIGH risk needs a measure (422 naming it)' })
  @ApiCreatedResponse({ type: RiskAssessmentResponse })
  assess(@Param('residentId', ParseUUIDPipe) id: string, @Body() dto: RiskAssessmentDto) {
    return this.safety.assessRisks(id, dto);
  }

  @Get('residents/:residentId/risk-assessments')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: "A resident's nine-risk assessments, newest first" })
  @ApiOkResponse({ type: [RiskAssessmentResponse] })
  riskAssessments(@Param('residentId', ParseUUIDPipe) id: string) {
    return this.safety.riskAssessments(id);
  }

  @Get('risk-assessments')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Every resident in care today with their latest nine-risk assessment (null: never assessed)' })
  @ApiOkResponse({ type: [ResidentRiskResponse] })
  latestRisks() {
    return this.safety.latestRisks();
  }

  @Post('incidents')
  @Roles(...MANAGING)
  @ApiOperation({ summary: 'Report a safety incident 安全事件' })
  @ApiCreatedResponse({ type: IncidentResponse })
  report(@Body() dto: IncidentDto) {
    return this.safety.report(dto);
  }

  @Get('incidents')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: "Incidents newest first, in [from, to) of the facility's calendar, of a type and state, matching q" })
  @ApiOkResponse({ type: [IncidentResponse] })
  incidents(@Query() q: IncidentQuery) {
    return this.safety.incidents(q);
  }

  @Get('incidents/:incidentId')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'One incident' })
  @ApiOkResponse({ type: IncidentResponse })
  incident(@Param('incidentId', ParseUUIDPipe) id: string) {
    return this.safety.incident(id);
  }

  @Post('incidents/:incidentId/close')
  @Roles(...MANAGING)
  @ApiOperation({ summary: 'Close an incident: the family notice (when, how, by whom) and a review are required (422); then frozen' })
  @ApiCreatedResponse({ type: IncidentResponse })
  close(@Param('incidentId', ParseUUIDPipe) id: string, @Body() dto: CloseIncidentDto) {
    return this.safety.close(id, dto);
  }

  @Post('safety-drills')
  @Roles(...MANAGING)
  @ApiOperation({ summary: 'Record a fire drill 消防演练 or a safety inspection 安全检查' })
  @ApiCreatedResponse({ type: SafetyDrillResponse })
  recordDrill(@Body() dto: SafetyDrillDto) {
    return this.safety.recordDrill(dto);
  }

  @Get('safety-drills')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Fire drills and safety inspections, newest first' })
  @ApiOkResponse({ type: [SafetyDrillResponse] })
  drills(@Query() q: SafetyDrillQuery) {
    return this.safety.drills(q);
  }

  @Get('safety/summary')
  @Roles(...ANY_ROLE)
  @ApiOperation({
    summary: "The month's safety figures: residents risk-assessed, HIGH risks without a measure, incidents by type, the last drill",
  })
  @ApiOkResponse({ type: SafetySummaryResponse })
  summary(@Query() q: SafetyMonthQuery) {
    return this.safety.summary(q.month);
  }
}
