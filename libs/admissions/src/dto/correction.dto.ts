import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

/** docs/api.md: `POST …/:id/void {reason}` — why the entry was made in error (docs/rules.md §12). */
export class VoidDto {
  @ApiProperty({ example: '录入错误：入住日期应为 3 月 16 日', maxLength: 500 })
  @IsString({ message: 'reason must be text' })
  @Matches(/\S/, { message: 'reason is required: say why the entry is voided' })
  @MaxLength(500)
  reason!: string;
}

export class CorrectionsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'the voids of one resident' })
  @IsOptional()
  @IsUUID('all', { message: 'residentId must be a UUID' })
  residentId?: string;
}
