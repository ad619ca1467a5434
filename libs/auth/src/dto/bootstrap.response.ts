import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FACILITY_TYPES } from '@careops/care';
import { UserResponse } from './user.response';

/** The signed-in user's facility, as much of it as every screen needs (name, kind, division, time zone). */
export class BootstrapFacilityResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '平顶山市颐康养老院' }) name!: string;
  @ApiProperty({ enum: FACILITY_TYPES }) type!: (typeof FACILITY_TYPES)[number];
  @ApiProperty({ example: '410421' }) divisionCode!: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timezone!: string;
}

/** A regulator's division (docs/rules.md §1). */
export class BootstrapDivisionResponse {
  @ApiProperty({ example: '410400' }) code!: string;
}

/**
 * What the web app needs to start, in one answer instead of `me` then `facility`: who is signed in,
 * their facility (facility users) or division (regulators), and the server's clock.
 */
export class BootstrapResponse {
  @ApiProperty({ type: UserResponse }) user!: UserResponse;
  @ApiPropertyOptional({ type: BootstrapFacilityResponse, nullable: true, description: 'facility users only' })
  facility!: BootstrapFacilityResponse | null;
  @ApiPropertyOptional({ type: BootstrapDivisionResponse, nullable: true, description: 'regulators only' })
  division!: BootstrapDivisionResponse | null;
  @ApiProperty({ type: String, format: 'date-time', description: 'the server’s clock when it answered' }) serverTime!: string;
}
