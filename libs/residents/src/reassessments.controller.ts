import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { calendarDate } from '@careops/care';
import { ANY_ROLE, AppConfig, FacilityController, IsIsoDate, Roles } from '@careops/platform';
import { ReassessmentsService } from './reassessments.service';

/** `?date=`, default today. */
export class DueQuery {
  @ApiPropertyOptional({ example: '2026-03-15', format: 'date', description: 'default today' })
  @IsOptional()
  @IsIsoDate()
  date?: string;
}

export class ReassessmentDueResponse {
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty({ example: '王秀英' }) name!: string;
  @ApiProperty({ type: String, nullable: true, example: '1-101-1' }) bed!: string | null;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'assessed date of the latest assessment (null: none, or not scored)',
  })
  lastAssessedOn!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) lastEffectiveOn!: string | null;
  @ApiProperty({
    enum: ['MISSING', 'ROUTINE', 'AFTER_HOSPITAL', 'AFTER_INCIDENT'],
    description:
      'MISSING: none yet (due on admission); ROUTINE: the interval from the latest effective date; AFTER_HOSPITAL: a hospital leave of ≥ N days ended after it',
  })
  reason!: 'MISSING' | 'ROUTINE' | 'AFTER_HOSPITAL' | 'AFTER_INCIDENT';
  @ApiProperty({ type: String, format: 'date' }) dueOn!: string;
}

@ApiTags('assessments')
@FacilityController('assessments')
export class ReassessmentsController {
  constructor(
    private readonly reassessments: ReassessmentsService,
    private readonly config: AppConfig,
  ) {}

  @Get('due')
  @Roles(...ANY_ROLE)
  @ApiOperation({
    summary:
      'Residents in care on the date due an ability assessment (docs/rules.md §4a): none yet, routine (REASSESSMENT_MONTHS, listed 30 days ahead) or after a hospital leave of REASSESSMENT_HOSPITAL_DAYS or more',
  })
  @ApiOkResponse({ type: [ReassessmentDueResponse] })
  due(@Query() q: DueQuery) {
    return this.reassessments.due(q.date ?? calendarDate(new Date(), this.config.APP_TIMEZONE));
  }
}
