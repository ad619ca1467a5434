import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@careops/care';

/** An account as the API answers it: never its password hash; absent fields are not set. */
export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'manager.a' }) username!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiPropertyOptional({ format: 'uuid', description: 'facility users only' }) facilityId?: string;
  @ApiPropertyOptional({ example: '410400', description: 'regulators only' }) divisionCode?: string;
  @ApiPropertyOptional({ example: '王院长' }) displayName?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'set once deactivated: its sessions ended then' })
  disabledAt?: Date;
  @ApiPropertyOptional({ description: 'why it was deactivated' }) disabledReason?: string;
}
