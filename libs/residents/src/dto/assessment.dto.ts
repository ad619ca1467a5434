import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ASSESSMENT_GRADES, CARE_LEVELS } from '@careops/care';
import { IsIsoDate } from '@careops/platform';

/** docs/api.md: `{grade or careLevel, effectiveOn, assessor}` */
export class CreateAssessmentDto {
  @ApiPropertyOptional({ enum: CARE_LEVELS })
  @IsOptional()
  @IsIn(CARE_LEVELS, { message: `careLevel must be one of ${CARE_LEVELS.join(', ')}` })
  careLevel?: (typeof CARE_LEVELS)[number];

  @ApiPropertyOptional({ enum: ASSESSMENT_GRADES, description: 'GB/T 42195-2022 grade; sets the care level' })
  @IsOptional()
  @IsIn(ASSESSMENT_GRADES, { message: `grade must be one of ${ASSESSMENT_GRADES.join(', ')}` })
  grade?: (typeof ASSESSMENT_GRADES)[number];

  @ApiProperty({ example: '2026-03-15' })
  @IsIsoDate()
  effectiveOn!: string;

  @ApiProperty({ example: '李评估员' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  assessor!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  notes?: string;
}
