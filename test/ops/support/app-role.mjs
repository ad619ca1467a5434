// The app login's password as libs/db/src/app-role.ts derives it from the owner's URL, for the
// PgBouncer auth file (a global set-up runs before TypeScript is loaded). The tier fails if the two differ.
import { createHmac } from 'node:crypto';

export function derivedAppPassword(ownerUrl) {
  const owner = new URL(ownerUrl);
  const key = decodeURIComponent(owner.password) || `${owner.username}@${owner.host}`;
  return createHmac('sha256', key).update('careops:careops_app').digest('hex');
}
