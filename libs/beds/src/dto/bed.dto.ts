import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsIsoDate } from '@careops/platform';

/** docs/api.md: `building, floor, number` */
export class CreateRoomDto {
  @ApiProperty({ example: '1号楼' }) @IsString() @MinLength(1) @MaxLength(50) building!: string;
  @ApiProperty({ example: 2 }) @IsInt() @Min(-5) @Max(200) floor!: number;
  @ApiProperty({ example: '201' }) @IsString() @MinLength(1) @MaxLength(20) number!: string;
}

/** docs/api.md: `code, roomId, kind (NURSING / GENERAL), inService` */
export class CreateBedDto {
  @ApiProperty({ example: 'A-201-1' }) @IsString() @MinLength(1) @MaxLength(30) code!: string;
  @ApiProperty() @IsUUID('all', { message: 'roomId must be a UUID' }) roomId!: string;
  @ApiProperty({ enum: ['NURSING', 'GENERAL'], description: '护理型 / 普通' })
  @IsIn(['NURSING', 'GENERAL'], { message: 'kind must be NURSING or GENERAL' })
  kind!: 'NURSING' | 'GENERAL';
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() inService?: boolean;
  @ApiPropertyOptional({ description: 'why it is out of service, when inService is false' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

/** Change a bed; `inService: false` starts an out-of-service period on `on` (default today), with a reason. */
export class UpdateBedDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(30) code?: string;
  @ApiPropertyOptional({ enum: ['NURSING', 'GENERAL'] }) @IsOptional() @IsIn(['NURSING', 'GENERAL']) kind?: 'NURSING' | 'GENERAL';
  @ApiPropertyOptional() @IsOptional() @IsBoolean() inService?: boolean;
  @ApiPropertyOptional({ example: '维修' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(200) reason?: string;
  @ApiPropertyOptional({ example: '2026-11-24' }) @IsOptional() @IsIsoDate() on?: string;
}

export class BedBoardQuery {
  @ApiPropertyOptional({ example: '2026-11-24', description: 'default: today, in the time zone of the configuration (APP_TIMEZONE)' })
  @IsOptional()
  @IsIsoDate()
  date?: string;

  @ApiPropertyOptional() @IsOptional() @Type(() => String) @IsUUID() roomId?: string;
}
