import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_ROLE, FacilityController, Roles } from '@careops/platform';
import { HomeQuery } from './dto/home.dto';
import { HomeResponse } from './dto/home.response';
import { HomeService } from './home.service';

@ApiTags('home')
@FacilityController('home')
export class HomeController {
  constructor(private readonly home: HomeService) {}

  @Get()
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: '工作台: the census on a date (default today) and the alerts that apply, each with the screen to fix it' })
  @ApiOkResponse({ type: HomeResponse })
  get(@Query() q: HomeQuery) {
    return this.home.home(q.date);
  }
}
