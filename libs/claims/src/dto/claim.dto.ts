import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsMonth } from '@careops/platform';
import { PROGRAMMES, type Programme } from '@careops/care';

/** docs/api.md: `POST claims {month}` */
export class CreateClaimDto {
  @ApiProperty({ example: '2026-10' })
  @IsMonth()
  month!: string;

  @ApiPropertyOptional({
    enum: PROGRAMMES,
    default: 'INSTITUTIONAL_CARE',
    description: 'docs/rules.md §5: 机构养老 / 家庭养老床位 / 日间照料中心运营',
  })
  @IsOptional()
  @IsIn(PROGRAMMES, { message: `programme must be one of ${PROGRAMMES.join(', ')}` })
  programme?: Programme;
}

/** docs/api.md: `.../reject {reason}` */
export class RejectClaimDto {
  @ApiProperty({ example: '缺少老人能力评估报告' }) @IsString() @MinLength(1) @MaxLength(500) reason!: string;
}
