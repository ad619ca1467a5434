import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_ROLE, Roles } from '@careops/platform';
import { BedBoardQuery, CreateBedDto, CreateRoomDto, UpdateBedDto } from './dto/bed.dto';
import { BedsService } from './beds.service';

@ApiTags('beds')
@Controller('facilities/:facilityId')
export class BedsController {
  constructor(private readonly beds: BedsService) {}

  @Post('rooms')
  @Roles('FACILITY_MANAGER', 'PLATFORM_ADMIN')
  @ApiOperation({ summary: 'Add a room (building, floor, number)' })
  createRoom(@Param('facilityId', ParseUUIDPipe) _f: string, @Body() dto: CreateRoomDto) {
    return this.beds.createRoom(dto);
  }

  @Get('rooms')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Rooms, by building, floor and number' })
  rooms(@Param('facilityId', ParseUUIDPipe) _f: string) {
    return this.beds.rooms();
  }

  @Post('beds')
  @Roles('FACILITY_MANAGER', 'PLATFORM_ADMIN')
  @ApiOperation({ summary: 'Add a bed to a room: code unique in the facility, kind NURSING (护理型) or GENERAL (普通)' })
  createBed(@Param('facilityId', ParseUUIDPipe) _f: string, @Body() dto: CreateBedDto) {
    return this.beds.createBed(dto);
  }

  @Get('beds')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'The bed board on a date: every bed with its occupant (or leave), or out of service' })
  board(@Param('facilityId', ParseUUIDPipe) _f: string, @Query() q: BedBoardQuery) {
    return this.beds.board(q.date ?? this.beds.today(), undefined, q.roomId);
  }

  @Patch('beds/:bedId')
  @Roles('FACILITY_MANAGER', 'PLATFORM_ADMIN')
  @ApiOperation({ summary: 'Change a bed; inService false/true starts/ends an out-of-service period (reason required)' })
  update(@Param('facilityId', ParseUUIDPipe) _f: string, @Param('bedId', ParseUUIDPipe) bedId: string, @Body() dto: UpdateBedDto) {
    return this.beds.updateBed(bedId, dto);
  }
}
