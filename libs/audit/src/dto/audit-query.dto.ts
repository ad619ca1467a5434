import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsIsoDate } from '@careops/platform';
import { AUDIT_KIND_NAMES, type AuditKind } from '../audit-kinds';

export class AuditQueryDto {
  @ApiPropertyOptional({ example: '2026-11-01', description: 'first calendar day (China time, UTC+8), inclusive' })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'last calendar day, exclusive' })
  @IsOptional()
  @IsIsoDate()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'only what this user did' })
  @IsOptional()
  @IsUUID('all', { message: 'actorId must be a UUID' })
  actorId?: string;

  @ApiPropertyOptional({ enum: AUDIT_KIND_NAMES, description: 'only entries of this kind (入住, 转床, 申领 …)' })
  @IsOptional()
  @IsIn(AUDIT_KIND_NAMES, { message: `kind must be one of ${AUDIT_KIND_NAMES.join(', ')}` })
  kind?: AuditKind;

  @ApiPropertyOptional({ description: 'only entries about this record (a resident, an admission, a claim)' })
  @IsOptional()
  @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional({ type: Number, default: 1, minimum: 1, maximum: 100_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page = 1;

  @ApiPropertyOptional({ type: Number, default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize = 50;
}
