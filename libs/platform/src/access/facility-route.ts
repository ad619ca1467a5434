import { applyDecorators, Controller } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';

/**
 * A controller of one facility's data, under `/facilities/:facilityId/<path>`. The access guard
 * checks `:facilityId` (a UUID, the caller's facility or one its regulator covers: else 404) and
 * the tenant interceptor scopes the transaction to it, so handlers never take it as a parameter.
 */
export const FacilityController = (path: string) =>
  applyDecorators(
    Controller(path ? `facilities/:facilityId/${path}` : 'facilities/:facilityId'),
    ApiParam({ name: 'facilityId', format: 'uuid', description: 'the facility (tenant)' }),
  );
