import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_ROLE, Roles } from '@careops/platform';
import { DayCareService } from './day-care.service';
import { AttendanceDto, CheckOutDto, DayQuery, EndMembershipDto, EnrolDto, PeriodQuery, ServiceRecordDto } from './dto/day-care.dto';

@ApiTags('day care')
@Controller('facilities/:facilityId')
export class DayCareController {
  constructor(private readonly dayCare: DayCareService) {}

  @Post('day-members')
  @Roles('FACILITY_MANAGER', 'PLATFORM_ADMIN')
  @ApiOperation({ summary: 'Enrol a resident as a day-center member (with a care level)' })
  enrol(@Param('facilityId', ParseUUIDPipe) _f: string, @Body() dto: EnrolDto) {
    return this.dayCare.enrol(dto);
  }

  @Get('day-members')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Members on a date (default today) with their care level' })
  members(@Param('facilityId', ParseUUIDPipe) _f: string, @Query() q: DayQuery) {
    return this.dayCare.members(q.date);
  }

  @Post('day-members/:memberId/end')
  @Roles('FACILITY_MANAGER', 'PLATFORM_ADMIN')
  @ApiOperation({ summary: 'End a membership (leftOn: first day no longer a member)' })
  end(@Param('facilityId', ParseUUIDPipe) _f: string, @Param('memberId', ParseUUIDPipe) id: string, @Body() dto: EndMembershipDto) {
    return this.dayCare.endMembership(id, dto.leftOn);
  }

  @Post('attendance')
  @Roles('FACILITY_MANAGER', 'PLATFORM_ADMIN')
  @ApiOperation({ summary: 'Check a member in (and out) for a day' })
  checkIn(@Param('facilityId', ParseUUIDPipe) _f: string, @Body() dto: AttendanceDto) {
    return this.dayCare.checkIn(dto);
  }

  @Patch('attendance/:attendanceId')
  @Roles('FACILITY_MANAGER', 'PLATFORM_ADMIN')
  @ApiOperation({ summary: 'Check a member out' })
  checkOut(@Param('facilityId', ParseUUIDPipe) _f: string, @Param('attendanceId', ParseUUIDPipe) id: string, @Body() dto: CheckOutDto) {
    return this.dayCare.checkOut(id, dto.checkOut);
  }

  @Get('attendance')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'The attendance sheet of a day: every member, present or not' })
  attendance(@Param('facilityId', ParseUUIDPipe) _f: string, @Query() q: DayQuery) {
    return this.dayCare.attendance(q.date);
  }

  @Post('service-records')
  @Roles('FACILITY_MANAGER', 'PLATFORM_ADMIN')
  @ApiOperation({ summary: 'Record a service of the six helps 六助: who served, what, when' })
  serve(@Param('facilityId', ParseUUIDPipe) _f: string, @Body() dto: ServiceRecordDto) {
    return this.dayCare.serve(dto);
  }

  @Get('service-records')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Service records in [from, to)' })
  services(@Param('facilityId', ParseUUIDPipe) _f: string, @Query() q: PeriodQuery) {
    return this.dayCare.services(q.from, q.to);
  }
}
