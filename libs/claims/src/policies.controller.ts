import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_ROLE, Roles } from '@careops/platform';
import { CreatePolicyDto } from './dto/policy.dto';
import { PolicyResponse } from './dto/policy.response';
import { PoliciesService } from './policies.service';

@ApiTags('subsidy policies')
@Controller('subsidy-policies')
export class PoliciesController {
  constructor(private readonly policies: PoliciesService) {}

  @Get()
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Every version of every subsidy policy' })
  @ApiOkResponse({ type: [PolicyResponse] })
  list() {
    return this.policies.list();
  }

  @Post()
  @Roles('PLATFORM_ADMIN')
  @ApiOperation({ summary: 'Add a policy version (rates in fen per care level, eligibility), effective from a date, for a division' })
  @ApiCreatedResponse({ type: PolicyResponse })
  add(@Body() dto: CreatePolicyDto) {
    return this.policies.add(dto);
  }
}
