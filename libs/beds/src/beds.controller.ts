import { Body, Get, Param, ParseUUIDPipe, Patch, Post, Query, Res, SetMetadata } from '@nestjs/common';
import type { Response } from 'express';
import { OWN_TRANSACTIONS } from '@careops/db';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_ROLE, FacilityController, MANAGING, Roles } from '@careops/platform';
import { BedsService } from './beds.service';
import { sendBoard } from './board-response';
import { BedBoardQuery, CreateBedDto, CreateRoomDto, UpdateBedDto } from './dto/bed.dto';
import { BedBoardEntryResponse, RoomResponse } from './dto/bed.response';

@ApiTags('beds')
@FacilityController('')
export class BedsController {
  constructor(private readonly beds: BedsService) {}

  @Post('rooms')
  @Roles(...MANAGING)
  @ApiOperation({ summary: 'Add a room (building, floor, number)' })
  @ApiCreatedResponse({ type: RoomResponse })
  createRoom(@Body() dto: CreateRoomDto) {
    return this.beds.createRoom(dto);
  }

  @Get('rooms')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Rooms, by building, floor and number' })
  @ApiOkResponse({ type: [RoomResponse] })
  rooms() {
    return this.beds.rooms();
  }

  @Post('beds')
  @Roles(...MANAGING)
  @ApiOperation({ summary: 'Add a bed to a room: code unique in the facility, kind NURSING (护理型) or GENERAL (普通)' })
  @ApiCreatedResponse({ type: BedBoardEntryResponse })
  createBed(@Body() dto: CreateBedDto) {
    return this.beds.createBed(dto);
  }

  /** Its own transaction, and only when the cache has no current board: the facility id is the cache's key. */
  @Get('beds')
  @Roles(...ANY_ROLE)
  @SetMetadata(OWN_TRANSACTIONS, true)
  @ApiOperation({ summary: 'The bed board on a date: every bed with its occupant (or leave), or out of service' })
  @ApiOkResponse({ type: [BedBoardEntryResponse] })
  async board(@Param('facilityId', ParseUUIDPipe) facilityId: string, @Query() q: BedBoardQuery, @Res() res: Response): Promise<void> {
    sendBoard(res, await this.beds.cachedBoard(facilityId, q.date ?? this.beds.today()), q.roomId);
  }

  @Patch('beds/:bedId')
  @Roles(...MANAGING)
  @ApiOperation({ summary: 'Change a bed; inService false/true starts/ends an out-of-service period (reason required)' })
  @ApiOkResponse({ type: BedBoardEntryResponse })
  update(@Param('bedId', ParseUUIDPipe) bedId: string, @Body() dto: UpdateBedDto) {
    return this.beds.updateBed(bedId, dto);
  }
}
