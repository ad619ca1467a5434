#!/bin/sh
# The streaming replica: on an empty volume, a base backup of the primary with -R (standby.signal and
# primary_conninfo written), then PostgreSQL as a hot standby. Runs as the image's postgres user.
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_basebackup -h "$PRIMARY_HOST" -U replicator -D "$PGDATA" -R -X stream -c fast; do
    echo "replica: waiting for the primary …"
    rm -rf "${PGDATA:?}"/*
    sleep 2
  done
  chmod 700 "$PGDATA"
fi
exec postgres -c hot_standby=on
