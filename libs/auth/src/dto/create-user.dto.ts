import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ROLES } from '@careops/care';

/** docs/api.md: `username, password, role, facilityId` (facility roles) or `divisionCode` (regulator). */
export class CreateUserDto {
  @ApiProperty({ example: 'wang.manager' })
  @Matches(/^[A-Za-z0-9._@-]{3,64}$/, { message: 'username must be 3–64 letters, digits or . _ @ - (用户名格式不正确)' })
  username!: string;

  @ApiProperty({ minLength: 8 })
  @IsString()
  @MaxLength(1024)
  password!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: (typeof ROLES)[number];

  @ApiPropertyOptional({ description: 'for FACILITY_MANAGER and ACCOUNTANT' })
  @IsOptional()
  @IsUUID('all', { message: 'facilityId must be a UUID' })
  facilityId?: string;

  @ApiPropertyOptional({ example: '410400', description: 'for REGULATOR: 6-digit division code' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'divisionCode must be a 6-digit division code (行政区划代码)' })
  divisionCode?: string;

  @ApiPropertyOptional({ example: '王院长' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  displayName?: string;
}
