#!/usr/bin/env bash
# Installs (Debian package) and starts a local PostgreSQL for tests, with a role that may create databases.
# Prints the DATABASE_URL to use. Idempotent.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
# pg_dump/pg_restore (npm run backup/restore and their test) must match the server's major version.
if ! dpkg -s "postgresql-client-$version" >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-client-$version" >/dev/null
fi
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -q -h localhost && break
  sleep 1
done
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='xingang'\"" | grep -q 1 ||
  su postgres -c "psql -qc \"CREATE ROLE xingang LOGIN CREATEDB PASSWORD 'xingang'\""
# Tests drop their scratch databases WITH (FORCE): that ends an autovacuum worker busy in one, which needs this role.
su postgres -c "psql -qc 'GRANT pg_signal_backend TO xingang'" >/dev/null
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='xingang'\"" | grep -q 1 ||
  su postgres -c "createdb -O xingang xingang"
echo "postgres://xingang:xingang@localhost:5432/xingang"
