import type { DataSource } from 'typeorm';
import { applyTenantScope } from '@careops/db';
import { AdminAccountRepository } from './auth.repository';
import { hashPassword, passwordProblems } from './password';

export class AccountError extends Error {}

/**
 * Creates or resets a platform admin (the first one comes from `npm run admin:create`, or the
 * demo seed). Runs outside HTTP, in platform scope, and leaves its audit row like any write.
 */
export async function createOrResetAdmin(
  dataSource: DataSource,
  username: string,
  password: string,
): Promise<{ id: string; created: boolean }> {
  const problems = passwordProblems(password, username);
  if (!/^[A-Za-z0-9._@-]{3,64}$/.test(username)) problems.unshift('username must be 3–64 letters, digits or . _ @ -');
  if (problems.length > 0) throw new AccountError(problems.join('; '));
  const passwordHash = await hashPassword(password);
  return dataSource.transaction(async (tx) => {
    await applyTenantScope(tx, { platform: true });
    const accounts = new AdminAccountRepository(tx);
    const existing = await accounts.lockByUsername(username);
    if (existing && existing.role !== 'PLATFORM_ADMIN') {
      throw new AccountError(`user ${username} exists with role ${existing.role}; choose another username`);
    }
    let id: string;
    if (existing) {
      await accounts.reset(existing.id, username, passwordHash);
      id = existing.id;
    } else {
      id = await accounts.insert(username, passwordHash);
    }
    await accounts.audit(existing ? 'user.admin_reset' : 'user.admin_create', id, username);
    return { id, created: !existing };
  });
}
