#!/bin/sh
# Run once by the postgres image on a new data directory (docker-entrypoint-initdb.d): a login for
# the streaming replica and the hba line that lets it in (docs/scale.md).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD '${REPLICATION_PASSWORD}';
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
