import { Body, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ANY_ROLE, FacilityController, MANAGING, Roles } from '@careops/platform';
import { CreateAssessmentDto } from './dto/assessment.dto';
import { CreateResidentDto, UpdateResidentDto } from './dto/resident.dto';
import { RegisterQuery, RevealQuery } from './dto/resident.query';
import { AssessmentResponse, RegisterPageResponse, ResidentResponse } from './dto/resident.response';
import { ResidentsService } from './residents.service';

@ApiTags('residents')
@ApiExtraModels(RegisterPageResponse, ResidentResponse)
@FacilityController('residents')
export class ResidentsController {
  constructor(private readonly residents: ResidentsService) {}

  @Post()
  @Roles(...MANAGING)
  @ApiOperation({ summary: 'Register a resident (the ID number is validated, stored encrypted, shown masked)' })
  @ApiCreatedResponse({ type: ResidentResponse })
  create(@Body() dto: CreateResidentDto) {
    return this.residents.create(dto);
  }

  @Get()
  @Roles(...ANY_ROLE)
  @ApiOperation({
    summary:
      'The register 老人档案: with `page` (or any filter), a page `{items, total, page, pageSize}` searched by name, pinyin initials, bed or ID digits; without, every resident as before. ID numbers masked',
  })
  @ApiOkResponse({
    schema: { oneOf: [{ $ref: getSchemaPath(RegisterPageResponse) }, { type: 'array', items: { $ref: getSchemaPath(ResidentResponse) } }] },
  })
  list(@Query() q: RegisterQuery) {
    const paged = [q.page, q.pageSize, q.q, q.status, q.level, q.category].some((v) => v !== undefined);
    if (!paged) return this.residents.list();
    return this.residents.register({ q: q.q, status: q.status, level: q.level, category: q.category }, q.page ?? 1, q.pageSize ?? 20);
  }

  @Get(':residentId')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'A resident; `?reveal=idNumber` shows the full ID number to a manager and audits it' })
  @ApiOkResponse({ type: ResidentResponse })
  get(@Param('residentId', ParseUUIDPipe) id: string, @Query() q: RevealQuery) {
    return this.residents.get(id, q.reveal === 'idNumber');
  }

  @Patch(':residentId')
  @Roles(...MANAGING)
  @ApiOperation({ summary: 'Correct a resident (a new ID number is checked against the birth date)' })
  @ApiOkResponse({ type: ResidentResponse })
  update(@Param('residentId', ParseUUIDPipe) id: string, @Body() dto: UpdateResidentDto) {
    return this.residents.update(id, dto);
  }

  @Post(':residentId/assessments')
  @Roles(...MANAGING)
  @ApiOperation({ summary: 'Record an ability assessment (grade or care level), effective on its date' })
  @ApiCreatedResponse({ type: AssessmentResponse })
  assess(@Param('residentId', ParseUUIDPipe) id: string, @Body() dto: CreateAssessmentDto) {
    return this.residents.assess(id, dto);
  }

  @Get(':residentId/assessments')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Assessment history, oldest first' })
  @ApiOkResponse({ type: [AssessmentResponse] })
  assessments(@Param('residentId', ParseUUIDPipe) id: string) {
    return this.residents.assessments(id);
  }

  @Get(':residentId/assessments/:assessmentId')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'One assessment of the resident, with every item score when scored (docs/rules.md §4a)' })
  @ApiOkResponse({ type: AssessmentResponse })
  assessment(@Param('residentId', ParseUUIDPipe) id: string, @Param('assessmentId', ParseUUIDPipe) assessmentId: string) {
    return this.residents.assessment(id, assessmentId);
  }
}
