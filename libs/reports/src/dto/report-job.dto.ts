import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { IsMonth } from '@careops/platform';

export class DivisionSummaryJobDto {
  @ApiProperty({ example: '2026-10' }) @IsMonth() month!: string;
}

export class ClaimPdfsJobDto {
  @ApiProperty({ example: 2026 })
  @IsInt({ message: 'year must be a year like 2026' })
  @Min(2000, { message: 'year must be a year like 2026' })
  @Max(2100, { message: 'year must be a year like 2026' })
  year!: number;
}
