import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@careops/platform';
import { DocumentVerificationResponse } from './dto/document.response';
import { ReportsService } from './reports.service';

@ApiTags('documents')
@Controller('documents')
export class DocumentsController {
  constructor(private readonly reports: ReportsService) {}

  @Get(':codeOrNumber')
  @Public()
  @ApiOperation({
    summary:
      'Verify a PDF this system issued, by the SHA-256 of the file, the code printed on it or its number: what it is, never who asked for it',
  })
  @ApiOkResponse({ type: DocumentVerificationResponse })
  verify(@Param('codeOrNumber') ref: string) {
    return this.reports.verify(ref);
  }
}
