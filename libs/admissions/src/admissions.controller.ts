import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ANY_ROLE, Roles } from '@careops/platform';
import { AdmissionsService } from './admissions.service';
import { CreateAdmissionDto, DischargeDto, LeaveDto, TransferDto } from './dto/admission.dto';

@ApiTags('admissions')
@Controller('facilities/:facilityId/admissions')
export class AdmissionsController {
  constructor(private readonly admissions: AdmissionsService) {}

  @Post()
  @Roles('FACILITY_MANAGER', 'PLATFORM_ADMIN')
  @ApiOperation({ summary: '入住: admit a resident to a bed from admittedOn; 409 if the bed is taken on any day' })
  admit(@Param('facilityId', ParseUUIDPipe) _f: string, @Body() dto: CreateAdmissionDto) {
    return this.admissions.admit(dto);
  }

  @Get()
  @Roles(...ANY_ROLE)
  @ApiQuery({ name: 'residentId', required: false })
  @ApiOperation({ summary: 'Admissions, newest first' })
  list(@Param('facilityId', ParseUUIDPipe) _f: string, @Query('residentId', new ParseUUIDPipe({ optional: true })) residentId?: string) {
    return this.admissions.list(residentId);
  }

  @Get(':admissionId')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'An admission with its bed stays and leaves' })
  get(@Param('facilityId', ParseUUIDPipe) _f: string, @Param('admissionId', ParseUUIDPipe) id: string) {
    return this.admissions.get(id);
  }

  @Post(':admissionId/transfer')
  @Roles('FACILITY_MANAGER', 'PLATFORM_ADMIN')
  @ApiOperation({ summary: '转床: move to another bed on a day (one stay closes, the next opens, together)' })
  transfer(@Param('facilityId', ParseUUIDPipe) _f: string, @Param('admissionId', ParseUUIDPipe) id: string, @Body() dto: TransferDto) {
    return this.admissions.transfer(id, dto);
  }

  @Post(':admissionId/discharge')
  @Roles('FACILITY_MANAGER', 'PLATFORM_ADMIN')
  @ApiOperation({ summary: '退住: the discharge day is the first day no longer in care' })
  discharge(@Param('facilityId', ParseUUIDPipe) _f: string, @Param('admissionId', ParseUUIDPipe) id: string, @Body() dto: DischargeDto) {
    return this.admissions.discharge(id, dto);
  }

  @Post(':admissionId/leaves')
  @Roles('FACILITY_MANAGER', 'PLATFORM_ADMIN')
  @ApiOperation({ summary: '请假 / 外出住院: [from, to) within the stay; the bed is kept' })
  leave(@Param('facilityId', ParseUUIDPipe) _f: string, @Param('admissionId', ParseUUIDPipe) id: string, @Body() dto: LeaveDto) {
    return this.admissions.leave(id, dto);
  }
}
