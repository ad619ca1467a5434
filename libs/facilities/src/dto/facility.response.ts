import { ApiProperty } from '@nestjs/swagger';
import { FACILITY_TYPES, MEDICAL_ARRANGEMENTS, OPERATOR_KINDS } from '../facility.entity';

/** A facility as the API answers it (docs/api.md "facility"). */
export class FacilityResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '平顶山市颐康养老院' }) name!: string;
  @ApiProperty({ enum: FACILITY_TYPES }) type!: (typeof FACILITY_TYPES)[number];
  @ApiProperty({ example: '410421' }) divisionCode!: string;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 6800 }) buildingAreaM2!: number | null;
  @ApiProperty({ type: String, nullable: true, description: '备案号' }) licenseNumber!: string | null;
  @ApiProperty({ enum: OPERATOR_KINDS, nullable: true }) operatorKind!: (typeof OPERATOR_KINDS)[number] | null;
  @ApiProperty({ example: 'Asia/Shanghai' }) timezone!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: '消防达标' }) fireSafetyPassedOn!: string | null;
  @ApiProperty({ enum: MEDICAL_ARRANGEMENTS, nullable: true, description: '医养结合' })
  medicalArrangement!: (typeof MEDICAL_ARRANGEMENTS)[number] | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'in operation since (docs/rules.md §11)' })
  inOperationSince!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '运营方' }) operator!: string | null;
  @ApiProperty({ description: '特困供养 support' }) tekunSupport!: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true }) safetyStandardCheckedOn!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) qualityStandardCheckedOn!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '开户银行; null: not filled in (the claim form prints 未填写)' }) bankName!:
    | string
    | null;
  @ApiProperty({ type: String, nullable: true, description: '账户名称' }) bankAccountName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '银行账号' }) bankAccountNumber!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'archived by the platform (docs/rules.md §11)' })
  archivedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) archiveReason!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '经办人' }) contactPerson!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '联系电话' }) contactPhone!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
}
