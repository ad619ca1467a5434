import { Body, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_ROLE, FacilityController, MANAGING, Roles } from '@careops/platform';
import { AdmissionsService } from './admissions.service';
import { AdmissionsQuery, CreateAdmissionDto, DischargeDto, LeaveDto, TransferDto } from './dto/admission.dto';
import { AdmissionResponse, AdmissionSummaryResponse } from './dto/admission.response';

@ApiTags('admissions')
@FacilityController('admissions')
export class AdmissionsController {
  constructor(private readonly admissions: AdmissionsService) {}

  @Post()
  @Roles(...MANAGING)
  @ApiOperation({ summary: '入住: admit a resident to a bed from admittedOn; 409 if the bed is taken on any day' })
  @ApiCreatedResponse({ type: AdmissionResponse })
  admit(@Body() dto: CreateAdmissionDto) {
    return this.admissions.admit(dto);
  }

  @Get()
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Admissions, newest first' })
  @ApiOkResponse({ type: [AdmissionSummaryResponse] })
  list(@Query() q: AdmissionsQuery) {
    return this.admissions.list(q.residentId);
  }

  @Get(':admissionId')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'An admission with its bed stays and leaves' })
  @ApiOkResponse({ type: AdmissionResponse })
  get(@Param('admissionId', ParseUUIDPipe) id: string) {
    return this.admissions.get(id);
  }

  @Post(':admissionId/transfer')
  @Roles(...MANAGING)
  @ApiOperation({ summary: '转床: move to another bed on a day (one stay closes, the next opens, together)' })
  @ApiCreatedResponse({ type: AdmissionResponse })
  transfer(@Param('admissionId', ParseUUIDPipe) id: string, @Body() dto: TransferDto) {
    return this.admissions.transfer(id, dto);
  }

  @Post(':admissionId/discharge')
  @Roles(...MANAGING)
  @ApiOperation({ summary: '退住: the discharge day is the first day no longer in care' })
  @ApiCreatedResponse({ type: AdmissionResponse })
  discharge(@Param('admissionId', ParseUUIDPipe) id: string, @Body() dto: DischargeDto) {
    return this.admissions.discharge(id, dto);
  }

  @Post(':admissionId/leaves')
  @Roles(...MANAGING)
  @ApiOperation({ summary: '请假 / 外出住院: [from, to) within the stay; the bed is kept' })
  @ApiCreatedResponse({ type: AdmissionResponse })
  leave(@Param('admissionId', ParseUUIDPipe) id: string, @Body() dto: LeaveDto) {
    return this.admissions.leave(id, dto);
  }
}
