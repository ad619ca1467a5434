import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@careops/platform';
import { DemoLoginResponse } from './demo-login.response';
import { DemoService } from './demo.service';

@ApiTags('demo')
@Controller('demo-logins')
export class DemoController {
  constructor(private readonly demo: DemoService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The demo logins, in demo mode only (else [])' })
  @ApiOkResponse({ type: [DemoLoginResponse] })
  list(): Promise<DemoLoginResponse[]> {
    return this.demo.logins();
  }
}
