import type { DataSource } from 'typeorm';
import { applyTenantScope } from '@careops/db';
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
    const [existing]: { id: string; role: string }[] = await tx.query(
      `SELECT id, role FROM app_user WHERE lower(username) = lower($1) FOR UPDATE`,
      [username],
    );
    if (existing && existing.role !== 'PLATFORM_ADMIN') {
      throw new AccountError(`user ${username} exists with role ${existing.role}; choose another username`);
    }
    let id: string;
    if (existing) {
      await tx.query(`UPDATE app_user SET password_hash = $2, disabled_at = NULL, updated_at = now() WHERE id = $1`, [existing.id, passwordHash]);
      await tx.query(`DELETE FROM login_throttle WHERE username_key = lower($1)`, [username]);
      id = existing.id;
    } else {
      [{ id }] = await tx.query(
        `INSERT INTO app_user (username, password_hash, role) VALUES ($1, $2, 'PLATFORM_ADMIN') RETURNING id`,
        [username, passwordHash],
      );
    }
    await tx.query(
      `INSERT INTO audit_event (action, entity_type, entity_id, diff) VALUES ($1, 'user', $2, $3)`,
      [existing ? 'user.admin_reset' : 'user.admin_create', id, JSON.stringify({ username: { after: username }, note: { via: 'admin:create' } })],
    );
    return { id, created: !existing };
  });
}
