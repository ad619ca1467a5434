import { Body, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_ROLE, FacilityController, MANAGING, Roles } from '@careops/platform';
import { CreateAssessmentDto } from './dto/assessment.dto';
import { CreateResidentDto, UpdateResidentDto } from './dto/resident.dto';
import { RevealQuery } from './dto/resident.query';
import { AssessmentResponse, ResidentResponse } from './dto/resident.response';
import { ResidentsService } from './residents.service';

@ApiTags('residents')
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
  @ApiOperation({ summary: 'Residents with their current care level; ID numbers masked' })
  @ApiOkResponse({ type: [ResidentResponse] })
  list() {
    return this.residents.list();
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
}
