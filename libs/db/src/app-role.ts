import { createHmac } from 'node:crypto';

export const APP_ROLE = 'careops_app';

/** The role division reads run as (migration 1765620000000): SELECT only, never inherited by APP_ROLE. */
export const DIVISION_READER_ROLE = 'careops_division_reader';

/**
 * The two roles and how they relate, idempotently: a server's roles are not in a database's dump, so
 * the migration makes them and `cli.js roles` makes them again on a new server before a restore
 * (scripts/restore.mjs), which the dump's grants and policies name. APP_ROLE may SET ROLE to the reader
 * but never inherits it (NOINHERIT; on PostgreSQL 16+ also the grant's own INHERIT FALSE): inherited,
 * the reader's policies would apply to the app's own queries (migration 1765620000000 says why).
 */
export const APP_ROLES_SQL = `DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
      CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${DIVISION_READER_ROLE}') THEN
      CREATE ROLE ${DIVISION_READER_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
    END IF;
    IF (SELECT rolinherit FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
      ALTER ROLE ${APP_ROLE} NOINHERIT;
    END IF;
    IF NOT pg_has_role('${APP_ROLE}', '${DIVISION_READER_ROLE}', 'MEMBER') THEN
      IF current_setting('server_version_num')::int >= 160000 THEN
        EXECUTE 'GRANT ${DIVISION_READER_ROLE} TO ${APP_ROLE} WITH INHERIT FALSE, SET TRUE';
      ELSE
        EXECUTE 'GRANT ${DIVISION_READER_ROLE} TO ${APP_ROLE}';
      END IF;
    END IF;
  EXCEPTION WHEN insufficient_privilege THEN
    RAISE EXCEPTION 'the roles ${APP_ROLE} and ${DIVISION_READER_ROLE} cannot be set up by this user (%): give it CREATEROLE, or as a superuser create ${DIVISION_READER_ROLE} NOLOGIN NOINHERIT, ALTER ROLE ${APP_ROLE} NOINHERIT and GRANT ${DIVISION_READER_ROLE} TO ${APP_ROLE} (README, DATABASE_URL)', SQLERRM
      USING ERRCODE = 'insufficient_privilege';
  END $$`;

/**
 * The URL the application connects with: DATABASE_APP_URL when given, else the owner's server and
 * database as `careops_app`, with a password derived from the owner's, so that every instance
 * sharing DATABASE_URL computes the same one and no extra secret needs distributing.
 */
export function appDatabaseUrl(ownerUrl: string, explicitAppUrl?: string): string {
  if (explicitAppUrl) return explicitAppUrl;
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = derivedAppPassword(ownerUrl);
  return url.toString();
}

export function derivedAppPassword(ownerUrl: string): string {
  const owner = new URL(ownerUrl);
  const key = decodeURIComponent(owner.password) || `${owner.username}@${owner.host}`;
  return createHmac('sha256', key).update(`careops:${APP_ROLE}`).digest('hex');
}
