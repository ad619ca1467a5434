import { ApiProperty } from '@nestjs/swagger';

/** A void 撤销 as kept (docs/rules.md §12): what was voided, what it said, why, who and when. */
export class CorrectionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['ADMISSION', 'TRANSFER', 'LEAVE', 'DISCHARGE', 'ASSESSMENT'] })
  kind!: 'ADMISSION' | 'TRANSFER' | 'LEAVE' | 'DISCHARGE' | 'ASSESSMENT';
  @ApiProperty({
    format: 'uuid',
    description: 'the admission, the stay a transfer opened, the leave, the admission discharged, the assessment',
  })
  entryId!: string;
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'what the entry said — ADMISSION {admittedOn, dischargedOn, beds[]}, TRANSFER {on, fromBed, toBed}, LEAVE {kind, from, to, leaveReason}, DISCHARGE {dischargedOn, dischargeReason, bed}, ASSESSMENT {effectiveOn, careLevel, grade, assessor}; sameDay / sameDayDischarge when a same-day transfer or discharge made the correction',
  })
  detail!: Record<string, unknown>;
  @ApiProperty({ example: '录入错误' }) reason!: string;
  @ApiProperty({ format: 'date-time' }) voidedAt!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) voidedBy!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'who voided it, where the facility can see them' }) voidedByName!:
    | string
    | null;
}
