import { ApiProperty } from '@nestjs/swagger';

/** One event of the trail as the API answers it. */
export class AuditEventResponse {
  @ApiProperty({ description: 'bigint, as a string', example: '1024' }) id!: string;
  @ApiProperty({ type: String, format: 'date-time' }) at!: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'FACILITY_MANAGER' }) actorRole!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) facilityId!: string | null;
  @ApiProperty({ example: 'resident.create' }) action!: string;
  @ApiProperty({ example: 'resident' }) entityType!: string;
  @ApiProperty({ type: String, nullable: true }) entityId!: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({ type: String, nullable: true }) clientIp!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'per field {before, after} (secrets redacted), and a note' })
  diff!: Record<string, unknown>;
}
