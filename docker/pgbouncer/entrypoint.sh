#!/bin/sh
# The owner's login (auth_user) from the environment into PgBouncer's auth file, then PgBouncer.
set -eu
printf '"%s" "%s"\n' "$OWNER_USER" "$OWNER_PASSWORD" > /tmp/userlist.txt
chmod 600 /tmp/userlist.txt
exec pgbouncer /etc/careops/pgbouncer.ini
