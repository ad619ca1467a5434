import { Body, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_ROLE, FacilityController, MANAGING, Roles } from '@careops/platform';
import {
  CertificateDto,
  CreateStaffDto,
  PeriodDto,
  TrainingDto,
  UpdateCertificateDto,
  UpdateStaffDto,
  UpdateTrainingDto,
} from './dto/staff.dto';
import { ComplianceAlertResponse, StaffingResponse, StaffResponse } from './dto/staff.response';
import { StaffService } from './staff.service';

@ApiTags('staff')
@FacilityController('')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Post('staff')
  @Roles(...MANAGING)
  @ApiOperation({ summary: 'Add a staff member (role, employment dates, FTE)' })
  @ApiCreatedResponse({ type: StaffResponse })
  create(@Body() dto: CreateStaffDto) {
    return this.staff.create(dto);
  }

  @Get('staff')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Staff with trainings and certificates' })
  @ApiOkResponse({ type: [StaffResponse] })
  list() {
    return this.staff.list();
  }

  @Get('staff/:staffId')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'A staff member' })
  @ApiOkResponse({ type: StaffResponse })
  get(@Param('staffId', ParseUUIDPipe) id: string) {
    return this.staff.get(id);
  }

  @Patch('staff/:staffId')
  @Roles(...MANAGING)
  @ApiOperation({ summary: 'Change a staff member (e.g. employedTo when they leave)' })
  @ApiOkResponse({ type: StaffResponse })
  update(@Param('staffId', ParseUUIDPipe) id: string, @Body() dto: UpdateStaffDto) {
    return this.staff.update(id, dto);
  }

  @Post('staff/:staffId/certificates')
  @Roles(...MANAGING)
  @ApiOperation({ summary: 'Record a certificate 职业技能等级证书, valid on [issuedOn, expiresOn)' })
  @ApiCreatedResponse({ type: StaffResponse })
  certificate(@Param('staffId', ParseUUIDPipe) id: string, @Body() dto: CertificateDto) {
    return this.staff.addCertificate(id, dto);
  }

  @Post('staff/:staffId/trainings')
  @Roles(...MANAGING)
  @ApiOperation({ summary: 'Record a training (先培训后上岗)' })
  @ApiCreatedResponse({ type: StaffResponse })
  training(@Param('staffId', ParseUUIDPipe) id: string, @Body() dto: TrainingDto) {
    return this.staff.addTraining(id, dto);
  }

  @Patch('staff/:staffId/certificates/:certificateId')
  @Roles(...MANAGING)
  @ApiOperation({ summary: 'Correct a wrongly entered certificate (the fields given; audited with what it was)' })
  @ApiOkResponse({ type: StaffResponse })
  updateCertificate(
    @Param('staffId', ParseUUIDPipe) id: string,
    @Param('certificateId', ParseUUIDPipe) certificateId: string,
    @Body() dto: UpdateCertificateDto,
  ) {
    return this.staff.updateCertificate(id, certificateId, dto);
  }

  @Delete('staff/:staffId/certificates/:certificateId')
  @Roles(...MANAGING)
  @ApiOperation({ summary: 'Remove a wrongly entered certificate (audited with what it was)' })
  @ApiOkResponse({ type: StaffResponse })
  deleteCertificate(@Param('staffId', ParseUUIDPipe) id: string, @Param('certificateId', ParseUUIDPipe) certificateId: string) {
    return this.staff.deleteCertificate(id, certificateId);
  }

  @Patch('staff/:staffId/trainings/:trainingId')
  @Roles(...MANAGING)
  @ApiOperation({ summary: 'Correct a wrongly entered training (the fields given; audited with what it was)' })
  @ApiOkResponse({ type: StaffResponse })
  updateTraining(
    @Param('staffId', ParseUUIDPipe) id: string,
    @Param('trainingId', ParseUUIDPipe) trainingId: string,
    @Body() dto: UpdateTrainingDto,
  ) {
    return this.staff.updateTraining(id, trainingId, dto);
  }

  @Delete('staff/:staffId/trainings/:trainingId')
  @Roles(...MANAGING)
  @ApiOperation({ summary: 'Remove a wrongly entered training (audited with what it was)' })
  @ApiOkResponse({ type: StaffResponse })
  deleteTraining(@Param('staffId', ParseUUIDPipe) id: string, @Param('trainingId', ParseUUIDPipe) trainingId: string) {
    return this.staff.deleteTraining(id, trainingId);
  }

  @Get('compliance/staffing')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Per day: residents by level, required vs counted caregivers, who is excluded and why; and a summary' })
  @ApiOkResponse({ type: StaffingResponse })
  staffing(@Query() q: PeriodDto) {
    return this.staff.staffing(q.from, q.to);
  }

  @Get('compliance/alerts')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Alerts the worker wrote: tomorrow projected non-compliant' })
  @ApiOkResponse({ type: [ComplianceAlertResponse] })
  alerts() {
    return this.staff.alerts();
  }
}
