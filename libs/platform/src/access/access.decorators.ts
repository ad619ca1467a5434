import { applyDecorators, SetMetadata } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiExtension,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Role } from '@careops/care';
import { ErrorResponse } from '../errors/error-response';

export const ROLES_KEY = 'careops:roles';
export const PUBLIC_KEY = 'careops:public';

/**
 * Who may call a route (docs/architecture.md: every route declares it; the access guard refuses a route that
 * declares nothing). On facility-scoped routes the guard also checks the facility is the caller's.
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'no or expired token', type: ErrorResponse }),
    ApiForbiddenResponse({ description: 'authenticated, but this role may not do this', type: ErrorResponse }),
    ApiNotFoundResponse({ description: 'not found, or not yours', type: ErrorResponse }),
    ApiBadRequestResponse({ description: 'invalid input: every wrong field named', type: ErrorResponse }),
    ApiConflictResponse({ description: 'clashes with the current state (a bed taken, a claim frozen)', type: ErrorResponse }),
    ApiUnprocessableEntityResponse({ description: 'a rule of docs/rules.md refuses it', type: ErrorResponse }),
  );

/** Callable without a token (login, refresh, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Every role: for routes any signed-in user may call (their own profile, a facility's reads). */
export const ANY_ROLE: Role[] = ['PLATFORM_ADMIN', 'FACILITY_MANAGER', 'ACCOUNTANT', 'REGULATOR'];
/** Who runs a facility's day (beds, residents, admissions, staff): its manager, or the platform. */
export const MANAGING: Role[] = ['FACILITY_MANAGER', 'PLATFORM_ADMIN'];
/** Who books a facility's money (claims, exports): its accountant, or the platform. */
export const ACCOUNTING: Role[] = ['ACCOUNTANT', 'PLATFORM_ADMIN'];
/** Everyone of a facility, but not its regulator (data the bureau does not read). */
export const FACILITY_STAFF: Role[] = ['FACILITY_MANAGER', 'ACCOUNTANT', 'PLATFORM_ADMIN'];
/** The bureau's view of a division (summaries, documents of many facilities). */
export const SUPERVISING: Role[] = ['REGULATOR', 'PLATFORM_ADMIN'];

export const OWN_SESSION_KEY = 'careops:own-session';

/** The caller's own session (sign-out): allowed to every role, regulators included, whatever the method. */
export const OwnSession = () => SetMetadata(OWN_SESSION_KEY, true);

/**
 * A POST that only asks for something to be read (a report job): regulators, who never
 * write (docs/rules.md §1), may send it. The handler records the request in a transaction of its own.
 */
export const READ_REQUEST_KEY = 'careops:read-request';
/** Marked in the OpenAPI document too, so clients and the access tests know. */
export const READ_REQUEST_EXTENSION = 'x-careops-read-request';
export const ReadRequest = () => applyDecorators(SetMetadata(READ_REQUEST_KEY, true), ApiExtension(READ_REQUEST_EXTENSION, true));

/**
 * A write that belongs to a division, not to a facility (its targets, docs/rules.md §1 and §11):
 * regulators may send it, in a transaction that may write; the service checks the division is theirs.
 */
export const DIVISION_WRITE_KEY = 'careops:division-write';
export const DivisionWrite = () => SetMetadata(DIVISION_WRITE_KEY, true);
