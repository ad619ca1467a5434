import { ApiProperty } from '@nestjs/swagger';

/** A bed stay of an admission, [from, to). */
export class StayResponse {
  @ApiProperty({ format: 'uuid', description: 'a stay after the first is a transfer 转床: `POST transfers/:id/void` voids it' })
  id!: string;
  @ApiProperty({ format: 'uuid' }) bedId!: string;
  @ApiProperty({ example: 'A-201-1' }) bedCode!: string;
  @ApiProperty({ type: String, format: 'date' }) from!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'null: still on this bed' }) to!: string | null;
}

/** A leave 请假 or hospital stay 外出住院, [from, to): the bed is kept (docs/rules.md §3). */
export class LeaveResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['LEAVE', 'HOSPITAL'] }) kind!: 'LEAVE' | 'HOSPITAL';
  @ApiProperty({ type: String, format: 'date' }) from!: string;
  @ApiProperty({ type: String, format: 'date', description: 'first day back (exclusive)' }) to!: string;
  @ApiProperty({ example: '春节回家' }) reason!: string;
}

/** An admission in the list: when it began and ended. */
export class AdmissionSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty({ type: String, format: 'date' }) admittedOn!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'the first day no longer in care; null: in care' })
  dischargedOn!: string | null;
}

/** An admission 入住 with its bed stays and leaves (docs/rules.md §3). */
export class AdmissionResponse extends AdmissionSummaryResponse {
  @ApiProperty({ type: String, nullable: true }) dischargeReason!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'when it was voided 撤销 (docs/rules.md §12); its stays and leaves are those voided with it',
  })
  voidedAt!: string | null;
  @ApiProperty({ type: [StayResponse] }) stays!: StayResponse[];
  @ApiProperty({ type: [LeaveResponse] }) leaves!: LeaveResponse[];
}
