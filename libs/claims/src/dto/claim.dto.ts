import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsIsoDate, IsMonth } from '@careops/platform';
import { PROGRAMMES, type Programme } from '@careops/care';

/** The largest amount an answer may state, in fen (¥10,000,000): far above any monthly claim. */
export const MAX_ANSWER_FEN = 1_000_000_000;

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

/** docs/api.md: `.../approve {approvedOn, approvedFen}` — both optional: today, and the claimed total. */
export class ApproveClaimDto {
  @ApiPropertyOptional({ type: String, format: 'date', description: 'the bureau approved on (default today); not before the submission' })
  @IsOptional()
  @IsIsoDate()
  approvedOn?: string;

  @ApiPropertyOptional({ example: 18226, description: 'fen the bureau approved (default the claimed total)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_ANSWER_FEN)
  approvedFen?: number;
}

/** docs/api.md: `.../reject {rejectedOn, reason}` */
export class RejectClaimDto {
  @ApiProperty({ example: '缺少老人能力评估报告' }) @IsString() @MinLength(1) @MaxLength(500) reason!: string;

  @ApiPropertyOptional({ type: String, format: 'date', description: 'the bureau rejected on (default today); not before the submission' })
  @IsOptional()
  @IsIsoDate()
  rejectedOn?: string;
}

/** docs/api.md: `.../pay {paidOn, paidFen, reference}` */
export class PayClaimDto {
  @ApiPropertyOptional({ type: String, format: 'date', description: 'the money arrived on (default today); not before the approval' })
  @IsOptional()
  @IsIsoDate()
  paidOn?: string;

  @ApiPropertyOptional({ example: 18226, description: 'fen paid (default the approved amount)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_ANSWER_FEN)
  paidFen?: number;

  @ApiPropertyOptional({ example: 'ICBC-20260105-0042', description: 'the bank reference 银行流水号' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  reference?: string;
}
