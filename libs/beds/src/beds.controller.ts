import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Res, SetMetadata } from '@nestjs/common';
import type { Response } from 'express';
import { OWN_TRANSACTIONS } from '@careops/db';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_ROLE, Roles } from '@careops/platform';
import { BedBoardQuery, CreateBedDto, CreateRoomDto, UpdateBedDto } from './dto/bed.dto';
import { BedOnDate, BedsService } from './beds.service';

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
  @SetMetadata(OWN_TRANSACTIONS, true)
  @ApiOperation({ summary: 'The bed board on a date: every bed with its occupant (or leave), or out of service' })
  async board(
    @Param('facilityId', ParseUUIDPipe) facilityId: string,
    @Query() q: BedBoardQuery,
    @Res() res: Response,
  ): Promise<void> {
    const acceptEncoding = res.req.headers['accept-encoding'];
    const board = await this.beds.cachedBoard(facilityId, q.date ?? this.beds.today());
    if (q.roomId) {
      res.json(board.value.filter((b: BedOnDate) => b.room.id === q.roomId));
      return;
    }
    // The cached bytes as they are (gzip-compressed once when the client accepts it); Express
    // answers 304 to a matching If-None-Match.
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('vary', 'Accept-Encoding');
    if (/\bgzip\b/.test(acceptEncoding ?? '')) {
      res.setHeader('content-encoding', 'gzip');
      res.setHeader('etag', `${board.etag.slice(0, -1)}-gz"`);
      res.send(board.gzip);
      return;
    }
    res.setHeader('etag', board.etag);
    res.send(board.body);
  }

  @Patch('beds/:bedId')
  @Roles('FACILITY_MANAGER', 'PLATFORM_ADMIN')
  @ApiOperation({ summary: 'Change a bed; inService false/true starts/ends an out-of-service period (reason required)' })
  update(@Param('facilityId', ParseUUIDPipe) _f: string, @Param('bedId', ParseUUIDPipe) bedId: string, @Body() dto: UpdateBedDto) {
    return this.beds.updateBed(bedId, dto);
  }
}
