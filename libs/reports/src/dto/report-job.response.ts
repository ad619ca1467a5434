import { ApiProperty } from '@nestjs/swagger';

export const REPORT_JOB_KINDS = ['DIVISION_SUMMARY_PDF', 'CLAIM_PDFS'] as const;
export const REPORT_JOB_STATES = ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] as const;

/** The document a finished job issued. */
export class JobDocumentResponse {
  @ApiProperty({ example: 'DIV-20261105-000042' }) number!: string;
  @ApiProperty({ description: 'SHA-256 of the PDF, hex' }) sha256!: string;
}

/** A background job, as the one who asked sees it. */
export class ReportJobResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: REPORT_JOB_KINDS }) kind!: (typeof REPORT_JOB_KINDS)[number];
  @ApiProperty({ enum: REPORT_JOB_STATES }) state!: string;
  @ApiProperty({ description: 'items finished (facilities, claims)' }) done!: number;
  @ApiProperty({ description: 'items in all; 0 until known' }) total!: number;
  @ApiProperty({ minimum: 0, maximum: 100 }) percent!: number;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '/api/jobs/…/result', description: 'once DONE' }) resultUrl!: string | null;
  @ApiProperty({ type: JobDocumentResponse, nullable: true, description: 'a division summary: the document it issued' })
  document!: JobDocumentResponse | null;
}
