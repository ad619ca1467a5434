import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_KIND_NAMES, AuditEventResponse, type AuditKind } from '@careops/audit';

/** A piece of a sentence; `data` marks a name, a code or a number (not words of the product). */
export class SentencePartResponse {
  @ApiProperty({ example: '李四' }) text!: string;
  @ApiPropertyOptional() data?: boolean;
}

export class SentenceResponse {
  @ApiProperty({ example: 'manager 将 李四 从 A-101-1 转至 A-102-1（2026-11-05 起）' }) zh!: string;
  @ApiProperty({ example: 'manager moved 李四 from A-101-1 to A-102-1 on 2026-11-05' }) en!: string;
  @ApiProperty({ type: [SentencePartResponse] }) zhParts!: SentencePartResponse[];
  @ApiProperty({ type: [SentencePartResponse] }) enParts!: SentencePartResponse[];
}

/** One entry of the trail with its kind, who did it by name and a readable sentence. */
export class AuditTrailEntryResponse extends AuditEventResponse {
  @ApiProperty({ enum: AUDIT_KIND_NAMES }) kind!: AuditKind;
  @ApiProperty({ type: String, nullable: true, description: 'display name or username of the actor', example: 'manager' })
  actorName!: string | null;
  @ApiProperty({ type: SentenceResponse }) sentence!: SentenceResponse;
}

/** A page of the trail, newest first. */
export class AuditTrailPageResponse {
  @ApiProperty({ type: [AuditTrailEntryResponse] }) items!: AuditTrailEntryResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

/** Someone who appears in the trail, for the filter by person. */
export class AuditActorResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'manager' }) name!: string;
  @ApiProperty({ type: String, nullable: true, example: 'FACILITY_MANAGER' }) role!: string | null;
}
