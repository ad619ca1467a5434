import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** API.md: `POST claims {month}` */
export class CreateClaimDto {
  @ApiProperty({ example: '2026-10' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month!: string;
}

/** API.md: `.../reject {reason}` */
export class RejectClaimDto {
  @ApiProperty({ example: '缺少老人能力评估报告' }) @IsString() @MinLength(1) @MaxLength(500) reason!: string;
}
