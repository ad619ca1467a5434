import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { calendarDate, CARE_LEVELS, type GradeLevelMapping } from '@careops/care';
import { ANY_ROLE, AppConfig, FacilityController, Roles } from '@careops/platform';
import { DueQuery } from './reassessments.controller';
import { CreateLevelPolicyDto, GradeLevelMappingDto } from './dto/assessment.dto';
import { LevelPoliciesService } from './level-policies.service';

export class LevelPolicyResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '410400' }) divisionCode!: string;
  @ApiProperty({ type: String, format: 'date' }) effectiveFrom!: string;
  @ApiProperty({ example: '全国默认' }) name!: string;
  @ApiProperty({ type: GradeLevelMappingDto, description: `each grade → ${CARE_LEVELS.join(' / ')}` }) mapping!: GradeLevelMapping;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
}

@ApiTags('level policies')
@Controller('level-policies')
export class LevelPoliciesController {
  constructor(private readonly policies: LevelPoliciesService) {}

  @Get()
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Every version of the grade → care level policy (docs/rules.md §4a), by division and date' })
  @ApiOkResponse({ type: [LevelPolicyResponse] })
  list() {
    return this.policies.list();
  }

  @Post()
  @Roles('PLATFORM_ADMIN')
  @ApiOperation({ summary: 'Add a grade → care level policy version for a division, effective from a date (never changed once added)' })
  @ApiCreatedResponse({ type: LevelPolicyResponse })
  add(@Body() dto: CreateLevelPolicyDto) {
    return this.policies.add(dto);
  }
}

@ApiTags('level policies')
@FacilityController('level-policy')
export class FacilityLevelPolicyController {
  constructor(
    private readonly policies: LevelPoliciesService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Roles(...ANY_ROLE)
  @ApiOperation({
    summary:
      'The grade → care level policy version in force for this facility on the date (default today): its county’s, city’s, province’s or the national one (docs/rules.md §4a)',
  })
  @ApiOkResponse({ type: LevelPolicyResponse })
  inForce(@Query() q: DueQuery) {
    return this.policies.forFacilityOn(q.date ?? calendarDate(new Date(), this.config.APP_TIMEZONE));
  }
}
