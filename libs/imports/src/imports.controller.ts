import { Get, HttpCode, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ANY_ROLE, ApiFileResponse, FacilityController, MANAGING, Roles } from '@careops/platform';
import { ImportQuery, ImportResultResponse } from './dto/import.dto';
import { ImportsService, UploadedSheet } from './imports.service';
import { MAX_FILE_BYTES, TEMPLATE_FILE_NAMES } from './sheets';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('imports')
@FacilityController('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Get('templates/:kind.xlsx')
  @Roles(...ANY_ROLE) // a blank form: no data of the facility
  @ApiOperation({ summary: 'The template workbook of an import (BEDS, RESIDENTS, STAFF): Chinese headers, an example row, a 说明 sheet' })
  @ApiFileResponse([XLSX])
  async template(@Param('kind') kind: string, @Res() res: Response) {
    const k = this.imports.kindOf(kind);
    const name = `${TEMPLATE_FILE_NAMES[k]}.xlsx`;
    res.setHeader('content-type', XLSX);
    res.setHeader(
      'content-disposition',
      `attachment; filename="${k.toLowerCase()}-template.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    res.send(await this.imports.template(k));
  }

  @Post()
  @HttpCode(200)
  @Roles(...MANAGING)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_FILE_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({
    summary:
      'Check a filled-in template (nothing written); with commit=true write every row in one transaction, only when there is no error',
  })
  @ApiOkResponse({ type: ImportResultResponse })
  run(@Query() q: ImportQuery, @UploadedFile() file: UploadedSheet | undefined) {
    return this.imports.run(q.kind, file, q.commit === 'true');
  }
}
