import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '@careops/platform';
import { DocumentVerificationResponse } from './dto/document.response';
import { ReportsService } from './reports.service';

/** Look-ups per client address and minute: enough for people checking papers, too few to walk the numbers. */
export const VERIFY_RATE_LIMIT_PER_MINUTE = 60;

@ApiTags('documents')
@Controller('documents')
export class DocumentsController {
  constructor(private readonly reports: ReportsService) {}

  @Get(':codeOrNumber')
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: VERIFY_RATE_LIMIT_PER_MINUTE, ttl: 60_000 } })
  @ApiOperation({
    summary:
      'Verify a PDF this system issued, by the SHA-256 of the file, the code printed on it or its number: what it is (a claim: its state and total now), which number replaced it, never who asked for it',
  })
  @ApiOkResponse({ type: DocumentVerificationResponse })
  @ApiTooManyRequestsResponse({
    description: 'too many look-ups from this address; `Retry-After` says in how many seconds to try again',
    headers: { 'Retry-After': { description: 'seconds', schema: { type: 'integer' } } },
  })
  verify(@Param('codeOrNumber') ref: string) {
    return this.reports.verify(ref);
  }
}
