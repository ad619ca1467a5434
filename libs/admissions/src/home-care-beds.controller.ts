import { Body, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import { ANY_ROLE, FacilityController, MANAGING, Roles } from '@careops/platform';
import { CreateHomeCareBedDto, EndHomeCareBedDto } from './dto/home-care-bed.dto';
import { HomeCareBedResponse } from './dto/home-care-bed.response';
import { HomeCareBedsService } from './home-care-beds.service';

@ApiTags('home-care beds')
@FacilityController('home-care-beds')
export class HomeCareBedsController {
  constructor(private readonly beds: HomeCareBedsService) {}

  @Get()
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: '家庭养老床位: residents served at home, newest first' })
  @ApiOkResponse({ type: [HomeCareBedResponse] })
  list() {
    return this.beds.list();
  }

  @Post()
  @Roles(...MANAGING)
  @ApiOperation({ summary: 'Enrol a resident in a home-care bed from a date (建床)' })
  @ApiCreatedResponse({ type: HomeCareBedResponse })
  enrol(@Body() dto: CreateHomeCareBedDto) {
    return this.beds.enrol(dto);
  }

  @Post(':homeCareBedId/end')
  @Roles(...MANAGING)
  @ApiOperation({ summary: 'End the enrolment: `on` is the first day no longer served (撤床)' })
  @ApiCreatedResponse({ type: HomeCareBedResponse })
  end(@Param('homeCareBedId', ParseUUIDPipe) id: string, @Body() dto: EndHomeCareBedDto) {
    return this.beds.end(id, dto);
  }
}
