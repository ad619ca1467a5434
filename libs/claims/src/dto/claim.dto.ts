import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PROGRAMMES, type Programme } from './policy.dto';

/** API.md: `POST claims {month}` */
export class CreateClaimDto {
  @ApiProperty({ example: '2026-10' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month!: string;

  @ApiPropertyOptional({ enum: PROGRAMMES, default: 'INSTITUTIONAL_CARE', description: 'DOMAIN.md §5: 机构养老 / 家庭养老床位 / 日间照料中心运营' })
  @IsOptional()
  @IsIn(PROGRAMMES, { message: `programme must be one of ${PROGRAMMES.join(', ')}` })
  programme?: Programme;
}

/** API.md: `.../reject {reason}` */
export class RejectClaimDto {
  @ApiProperty({ example: '缺少老人能力评估报告' }) @IsString() @MinLength(1) @MaxLength(500) reason!: string;
}
