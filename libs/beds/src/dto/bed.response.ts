import { ApiProperty } from '@nestjs/swagger';
import { CARE_LEVELS } from '@careops/care';

export class RoomResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '1号楼' }) building!: string;
  @ApiProperty({ example: 2 }) floor!: number;
  @ApiProperty({ example: '201' }) number!: string;
}

/** The out-of-service period covering the date, [from, to). */
export class OutOfServiceResponse {
  @ApiProperty({ type: String, format: 'date' }) from!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'null: until further notice' }) to!: string | null;
  @ApiProperty({ example: '维修' }) reason!: string;
}

/** The occupant's leave 请假 or hospital stay 外出住院 covering the date: the bed stays theirs (docs/rules.md §3). */
export class OccupantLeaveResponse {
  @ApiProperty({ enum: ['LEAVE', 'HOSPITAL'] }) kind!: 'LEAVE' | 'HOSPITAL';
  @ApiProperty({ type: String, format: 'date' }) from!: string;
  @ApiProperty({ type: String, format: 'date', description: 'first day back (exclusive)' }) to!: string;
}

export class OccupantResponse {
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty({ example: '王秀英' }) name!: string;
  @ApiProperty({ format: 'uuid' }) admissionId!: string;
  @ApiProperty({ enum: CARE_LEVELS, nullable: true, description: 'the level on the date (docs/rules.md §4)' }) careLevel!: string | null;
  @ApiProperty({ type: String, format: 'date', description: 'first day on this bed' }) since!: string;
  @ApiProperty({ type: OccupantLeaveResponse, nullable: true }) onLeave!: OccupantLeaveResponse | null;
}

/** One bed of the bed board 床位一览 on a date (also what creating or changing a bed answers). */
export class BedBoardEntryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'A-201-1' }) code!: string;
  @ApiProperty({ enum: ['NURSING', 'GENERAL'], description: '护理型 / 普通' }) kind!: 'NURSING' | 'GENERAL';
  @ApiProperty({ type: RoomResponse }) room!: RoomResponse;
  @ApiProperty() inService!: boolean;
  @ApiProperty({ type: OutOfServiceResponse, nullable: true }) outOfService!: OutOfServiceResponse | null;
  @ApiProperty({ type: OccupantResponse, nullable: true }) occupant!: OccupantResponse | null;
  @ApiProperty({ enum: ['FREE', 'OCCUPIED', 'ON_LEAVE', 'OUT_OF_SERVICE'] }) status!: 'FREE' | 'OCCUPIED' | 'ON_LEAVE' | 'OUT_OF_SERVICE';
}
