import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_ROLE, Roles } from '@careops/platform';
import { ArchiveFacilityDto, CreateFacilityDto, UpdateFacilityDto } from './dto/facility.dto';
import { FacilityResponse } from './dto/facility.response';
import { FacilitiesService } from './facilities.service';

@ApiTags('facilities')
@Controller('facilities')
export class FacilitiesController {
  constructor(private readonly facilities: FacilitiesService) {}

  @Post()
  @Roles('PLATFORM_ADMIN')
  @ApiOperation({ summary: 'Create a facility (a tenant)' })
  @ApiCreatedResponse({ type: FacilityResponse })
  create(@Body() dto: CreateFacilityDto) {
    return this.facilities.create(dto);
  }

  @Get()
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Facilities the caller may see: admin all, regulator its division, others their own' })
  @ApiOkResponse({ type: [FacilityResponse] })
  list() {
    return this.facilities.list();
  }

  @Get(':facilityId')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'The facility and its checks' })
  @ApiOkResponse({ type: FacilityResponse })
  get(@Param('facilityId', ParseUUIDPipe) facilityId: string) {
    return this.facilities.get(facilityId);
  }

  @Patch(':facilityId')
  @Roles('PLATFORM_ADMIN', 'FACILITY_MANAGER')
  @ApiOperation({ summary: 'Update the facility and its checks (fire safety, medical arrangement, standards)' })
  @ApiOkResponse({ type: FacilityResponse })
  update(@Param('facilityId', ParseUUIDPipe) facilityId: string, @Body() dto: UpdateFacilityDto) {
    return this.facilities.update(facilityId, dto);
  }

  @Post(':facilityId/archive')
  @HttpCode(200)
  @Roles('PLATFORM_ADMIN')
  @ApiOperation({ summary: 'Archive a closed facility or a test tenant: it leaves every division figure; its users cannot sign in' })
  @ApiOkResponse({ type: FacilityResponse })
  archive(@Param('facilityId', ParseUUIDPipe) facilityId: string, @Body() dto: ArchiveFacilityDto) {
    return this.facilities.archive(facilityId, dto.reason);
  }

  @Post(':facilityId/unarchive')
  @HttpCode(200)
  @Roles('PLATFORM_ADMIN')
  @ApiOperation({ summary: 'Undo the archive: the facility is counted again and its users sign in again' })
  @ApiOkResponse({ type: FacilityResponse })
  unarchive(@Param('facilityId', ParseUUIDPipe) facilityId: string) {
    return this.facilities.unarchive(facilityId);
  }
}
