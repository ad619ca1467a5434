/** docs/rules.md §1: who uses the product. */
export const ROLES = ['PLATFORM_ADMIN', 'FACILITY_MANAGER', 'ACCOUNTANT', 'REGULATOR'] as const;
export type Role = (typeof ROLES)[number];

/** Roles bound to one facility (the others: the platform, or a division). */
export const FACILITY_ROLES: readonly Role[] = ['FACILITY_MANAGER', 'ACCOUNTANT'];
