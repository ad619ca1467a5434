import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@careops/care';

/** A demo account the login page offers (demo mode only). */
export class DemoLoginResponse {
  @ApiProperty({ example: 'manager.a' }) username!: string;
  @ApiProperty({ description: 'the demo password, shown on the login page' }) password!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ example: '王院长' }) displayName!: string;
}
