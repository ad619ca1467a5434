import { Body, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_ROLE, FacilityController, MANAGING, Roles } from '@careops/platform';
import { DayCareService } from './day-care.service';
import {
  AttendanceDto,
  BulkCheckInDto,
  BulkCheckOutDto,
  CheckOutDto,
  DayQuery,
  EndMembershipDto,
  EnrolDto,
  MonthQuery,
  ServiceRecordDto,
  ServiceRecordQuery,
} from './dto/day-care.dto';
import {
  AttendanceResponse,
  AttendanceSheetRowResponse,
  BulkAttendanceResponse,
  DayMemberOnDayResponse,
  DayMemberResponse,
  ServiceRecordResponse,
  ServiceSummaryResponse,
} from './dto/day-care.response';

@ApiTags('day care')
@FacilityController('')
export class DayCareController {
  constructor(private readonly dayCare: DayCareService) {}

  @Post('day-members')
  @Roles(...MANAGING)
  @ApiOperation({ summary: 'Enrol a resident as a day-center member (with a care level)' })
  @ApiCreatedResponse({ type: DayMemberResponse })
  enrol(@Body() dto: EnrolDto) {
    return this.dayCare.enrol(dto);
  }

  @Get('day-members')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Members on a date (default today) with their care level' })
  @ApiOkResponse({ type: [DayMemberOnDayResponse] })
  members(@Query() q: DayQuery) {
    return this.dayCare.members(q.date);
  }

  @Post('day-members/:memberId/end')
  @Roles(...MANAGING)
  @ApiOperation({ summary: 'End a membership (leftOn: first day no longer a member)' })
  @ApiCreatedResponse({ type: DayMemberResponse })
  end(@Param('memberId', ParseUUIDPipe) id: string, @Body() dto: EndMembershipDto) {
    return this.dayCare.endMembership(id, dto.leftOn);
  }

  @Post('attendance')
  @Roles(...MANAGING)
  @ApiOperation({ summary: 'Check a member in (and out) for a day' })
  @ApiCreatedResponse({ type: AttendanceResponse })
  checkIn(@Body() dto: AttendanceDto) {
    return this.dayCare.checkIn(dto);
  }

  @Post('attendance/bulk-check-in')
  @Roles(...MANAGING)
  @ApiOperation({ summary: '全部签到: check in the members named at one time (today or a past day); those already in are skipped' })
  @ApiCreatedResponse({ type: BulkAttendanceResponse })
  bulkCheckIn(@Body() dto: BulkCheckInDto) {
    return this.dayCare.bulkCheckIn(dto);
  }

  @Post('attendance/bulk-check-out')
  @Roles(...MANAGING)
  @ApiOperation({ summary: '全部签退: check out the members named who are here; the others are skipped' })
  @ApiCreatedResponse({ type: BulkAttendanceResponse })
  bulkCheckOut(@Body() dto: BulkCheckOutDto) {
    return this.dayCare.bulkCheckOut(dto);
  }

  @Patch('attendance/:attendanceId')
  @Roles(...MANAGING)
  @ApiOperation({ summary: 'Check a member out' })
  @ApiOkResponse({ type: AttendanceResponse })
  checkOut(@Param('attendanceId', ParseUUIDPipe) id: string, @Body() dto: CheckOutDto) {
    return this.dayCare.checkOut(id, dto.checkOut);
  }

  @Get('attendance')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'The attendance sheet of a day: every member, present or not' })
  @ApiOkResponse({ type: [AttendanceSheetRowResponse] })
  attendance(@Query() q: DayQuery) {
    return this.dayCare.attendance(q.date);
  }

  @Post('service-records')
  @Roles(...MANAGING)
  @ApiOperation({ summary: 'Record a service of the six helps 六助: who served, what, when' })
  @ApiCreatedResponse({ type: ServiceRecordResponse })
  serve(@Body() dto: ServiceRecordDto) {
    return this.dayCare.serve(dto);
  }

  @Get('service-records')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Service records in [from, to), optionally of one kind, one member, or matching a name' })
  @ApiOkResponse({ type: [ServiceRecordResponse] })
  services(@Query() q: ServiceRecordQuery) {
    return this.dayCare.services(q);
  }

  @Get('service-records/summary')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: "The month's six helps 六助: per kind services and different members served, and in all" })
  @ApiOkResponse({ type: ServiceSummaryResponse })
  serviceSummary(@Query() q: MonthQuery) {
    return this.dayCare.serviceSummary(q.month);
  }
}
