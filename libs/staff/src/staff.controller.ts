import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_ROLE, Roles } from '@careops/platform';
import { CertificateDto, CreateStaffDto, PeriodDto, TrainingDto, UpdateStaffDto } from './dto/staff.dto';
import { StaffService } from './staff.service';

@ApiTags('staff')
@Controller('facilities/:facilityId')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Post('staff')
  @Roles('FACILITY_MANAGER', 'PLATFORM_ADMIN')
  @ApiOperation({ summary: 'Add a staff member (role, employment dates, FTE)' })
  create(@Param('facilityId', ParseUUIDPipe) _f: string, @Body() dto: CreateStaffDto) {
    return this.staff.create(dto);
  }

  @Get('staff')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Staff with trainings and certificates' })
  list(@Param('facilityId', ParseUUIDPipe) _f: string) {
    return this.staff.list();
  }

  @Get('staff/:staffId')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'A staff member' })
  get(@Param('facilityId', ParseUUIDPipe) _f: string, @Param('staffId', ParseUUIDPipe) id: string) {
    return this.staff.get(id);
  }

  @Patch('staff/:staffId')
  @Roles('FACILITY_MANAGER', 'PLATFORM_ADMIN')
  @ApiOperation({ summary: 'Change a staff member (e.g. employedTo when they leave)' })
  update(@Param('facilityId', ParseUUIDPipe) _f: string, @Param('staffId', ParseUUIDPipe) id: string, @Body() dto: UpdateStaffDto) {
    return this.staff.update(id, dto);
  }

  @Post('staff/:staffId/certificates')
  @Roles('FACILITY_MANAGER', 'PLATFORM_ADMIN')
  @ApiOperation({ summary: 'Record a certificate 职业技能等级证书, valid on [issuedOn, expiresOn)' })
  certificate(@Param('facilityId', ParseUUIDPipe) _f: string, @Param('staffId', ParseUUIDPipe) id: string, @Body() dto: CertificateDto) {
    return this.staff.addCertificate(id, dto);
  }

  @Post('staff/:staffId/trainings')
  @Roles('FACILITY_MANAGER', 'PLATFORM_ADMIN')
  @ApiOperation({ summary: 'Record a training (先培训后上岗)' })
  training(@Param('facilityId', ParseUUIDPipe) _f: string, @Param('staffId', ParseUUIDPipe) id: string, @Body() dto: TrainingDto) {
    return this.staff.addTraining(id, dto);
  }

  @Get('compliance/staffing')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Per day: residents by level, required vs counted caregivers, who is excluded and why; and a summary' })
  staffing(@Param('facilityId', ParseUUIDPipe) _f: string, @Query() q: PeriodDto) {
    return this.staff.staffing(q.from, q.to);
  }

  @Get('compliance/alerts')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Alerts the worker wrote: tomorrow projected non-compliant' })
  alerts(@Param('facilityId', ParseUUIDPipe) _f: string) {
    return this.staff.alerts();
  }
}
