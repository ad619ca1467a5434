import { Body, Controller, ForbiddenException, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ClsService } from 'nestjs-cls';
import type { RequestContext } from '@careops/db';
import { ANY_ROLE, Roles } from '@careops/platform';
import { CreateAssessmentDto } from './dto/assessment.dto';
import { CreateResidentDto, UpdateResidentDto } from './dto/resident.dto';
import { ResidentsService } from './residents.service';

const FACILITY_READERS = ANY_ROLE;

@ApiTags('residents')
@Controller('facilities/:facilityId/residents')
export class ResidentsController {
  constructor(
    private readonly residents: ResidentsService,
    private readonly cls: ClsService<RequestContext>,
  ) {}

  @Post()
  @Roles('FACILITY_MANAGER', 'PLATFORM_ADMIN')
  @ApiOperation({ summary: 'Register a resident (the ID number is validated, stored encrypted, shown masked)' })
  create(@Param('facilityId', ParseUUIDPipe) _f: string, @Body() dto: CreateResidentDto) {
    return this.residents.create(dto);
  }

  @Get()
  @Roles(...FACILITY_READERS)
  @ApiOperation({ summary: 'Residents with their current care level; ID numbers masked' })
  list(@Param('facilityId', ParseUUIDPipe) _f: string) {
    return this.residents.list();
  }

  @Get(':residentId')
  @Roles(...FACILITY_READERS)
  @ApiQuery({ name: 'reveal', required: false, enum: ['idNumber'], description: 'managers only; audited' })
  @ApiOperation({ summary: 'A resident; `?reveal=idNumber` shows the full ID number to a manager and audits it' })
  get(@Param('facilityId', ParseUUIDPipe) _f: string, @Param('residentId', ParseUUIDPipe) id: string, @Query('reveal') reveal?: string) {
    if (reveal !== undefined && reveal !== 'idNumber') throw new ForbiddenException('reveal accepts only idNumber');
    if (reveal && this.cls.get('principal')?.role !== 'FACILITY_MANAGER') {
      throw new ForbiddenException('only the facility manager may see the full ID number (仅院长可查看完整身份证号)');
    }
    return this.residents.get(id, reveal === 'idNumber');
  }

  @Patch(':residentId')
  @Roles('FACILITY_MANAGER', 'PLATFORM_ADMIN')
  @ApiOperation({ summary: 'Correct a resident (a new ID number is checked against the birth date)' })
  update(@Param('facilityId', ParseUUIDPipe) _f: string, @Param('residentId', ParseUUIDPipe) id: string, @Body() dto: UpdateResidentDto) {
    return this.residents.update(id, dto);
  }

  @Post(':residentId/assessments')
  @Roles('FACILITY_MANAGER', 'PLATFORM_ADMIN')
  @ApiOperation({ summary: 'Record an ability assessment (grade or care level), effective on its date' })
  assess(@Param('facilityId', ParseUUIDPipe) _f: string, @Param('residentId', ParseUUIDPipe) id: string, @Body() dto: CreateAssessmentDto) {
    return this.residents.assess(id, dto);
  }

  @Get(':residentId/assessments')
  @Roles(...FACILITY_READERS)
  @ApiOperation({ summary: 'Assessment history, oldest first' })
  assessments(@Param('facilityId', ParseUUIDPipe) _f: string, @Param('residentId', ParseUUIDPipe) id: string) {
    return this.residents.assessments(id);
  }
}
