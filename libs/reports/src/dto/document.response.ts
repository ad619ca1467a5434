import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** What the register says of an issued document: what it is, never who asked for it. */
export class DocumentVerificationResponse {
  @ApiProperty({ enum: [true] }) valid!: true;
  @ApiProperty({ description: 'what the reference matched: the file, the printed code or the number', enum: ['FILE', 'CODE', 'NUMBER'] })
  matched!: string;
  @ApiProperty({ example: 'CMP-20260105-000042' }) number!: string;
  @ApiProperty({
    enum: [
      'CLAIM',
      'COMPLIANCE',
      'OPERATIONS',
      'DIVISION_SUMMARY',
      'DAY_CENTER',
      'ASSESSMENT',
      'TASK_LIST',
      'BULLETIN',
      'BILL',
      'RECEIPT',
      'REFUND',
    ],
  })
  kind!: string;
  @ApiProperty({ example: '养老机构合规报告' }) title!: string;
  @ApiProperty({ description: 'the version of this subject (1, then 2 when its facts changed, …)', example: 1 }) version!: number;
  @ApiProperty({ type: String, nullable: true, description: 'the number of the version that replaced this one', example: null })
  replacedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) facilityName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '410400', description: "the division's code, or the facility's" })
  divisionCode!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '河南省平顶山市' }) divisionName!: string | null;
  @ApiProperty({ example: '2026-01' }) period!: string;
  @ApiProperty({ description: 'SHA-256 of the PDF, hex' }) sha256!: string;
  @ApiProperty({ type: String, format: 'date-time' }) issuedAt!: Date;
  @ApiPropertyOptional({
    description: "a claim's state now (not as printed)",
    enum: ['DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'PAID'],
  })
  state?: string;
  @ApiPropertyOptional({ description: "a claim's total now; a bill's total, a receipt's or a refund's amount as printed; in fen" })
  totalFen?: number;
}
