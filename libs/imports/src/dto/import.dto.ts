import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IMPORT_KINDS, ImportKind } from '../sheets';

/** docs/api.md: `?kind=BEDS|RESIDENTS|STAFF&commit=true` */
export class ImportQuery {
  @ApiProperty({ enum: IMPORT_KINDS, description: '床位 / 老人 / 员工' })
  @IsIn(IMPORT_KINDS, { message: `kind must be one of ${IMPORT_KINDS.join(', ')} (导入类型应为 BEDS、RESIDENTS 或 STAFF)` })
  kind!: ImportKind;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: write every row in one transaction, only when there is no error' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'commit must be true or false' })
  commit?: 'true' | 'false';
}

export class ImportRowErrorResponse {
  @ApiProperty({ example: 5, description: 'the row number in the sheet (the headers are row 1)' }) row!: number;
  @ApiProperty({ example: '身份证号', description: "the column's header" }) column!: string;
  @ApiProperty({ example: '身份证号校验位错误（ISO 7064 MOD 11-2），请核对是否输错' }) message!: string;
}

export class ImportCountsResponse {
  @ApiPropertyOptional() rooms?: number;
  @ApiPropertyOptional() beds?: number;
  @ApiPropertyOptional() residents?: number;
  @ApiPropertyOptional() admissions?: number;
  @ApiPropertyOptional() assessments?: number;
  @ApiPropertyOptional() staff?: number;
  @ApiPropertyOptional() certificates?: number;
}

export class ImportResultResponse {
  @ApiProperty({ enum: IMPORT_KINDS }) kind!: ImportKind;
  @ApiProperty({ description: 'data rows in the file' }) rows!: number;
  @ApiProperty({ type: [ImportRowErrorResponse], description: 'every problem, by row; empty when the file can be imported' })
  errors!: ImportRowErrorResponse[];
  @ApiProperty({ description: 'true when the rows were written (commit=true and no error)' }) committed!: boolean;
  @ApiProperty({ type: ImportCountsResponse, description: 'what was (or, in a preview, would be) written' }) counts!: ImportCountsResponse;
}
