import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CARE_LEVELS, type GradeLevelMapping } from '@careops/care';
import { ANY_ROLE, Roles } from '@careops/platform';
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
