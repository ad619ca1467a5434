import { Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ANY_ROLE, FacilityController, Roles } from '@careops/platform';
import { IssuedDocumentsRepository } from './issued-documents.repository';

export class IssuedDocumentResponse {
  @ApiProperty({ example: 'OPS-20261001-000042' }) number!: string;
  @ApiProperty({ example: 'OPERATIONS' }) kind!: string;
  @ApiProperty({ example: '运营月报' }) title!: string;
  @ApiProperty({ example: '2026-09' }) period!: string;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
}

@ApiTags('reports')
@FacilityController('documents')
export class IssuedDocumentsController {
  constructor(private readonly documents: IssuedDocumentsRepository) {}

  @Get()
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'The facility’s issued documents, the latest 100 first (the regulator’s drill-down)' })
  @ApiOkResponse({ type: [IssuedDocumentResponse] })
  list(@Param('facilityId') facilityId: string) {
    return this.documents.list(facilityId, 100);
  }
}
