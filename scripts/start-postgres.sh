#!/usr/bin/env bash
# Installs (Debian) and starts a local PostgreSQL for Locus, creates the role and database
# 'locus' (password 'locus'), and prints the JDBC URL. Idempotent; needs root.
#   eval "$(scripts/start-postgres.sh --export)"   # sets LOCUS_TEST_POSTGRES_URL for ./locus test
set -euo pipefail
DB=locus
if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "start-postgres: installing postgresql from Debian" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version main$"; then
  pg_createcluster "$version" main >&2
fi
pg_ctlcluster "$version" main start >&2 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
pg_isready -q -h 127.0.0.1 -p 5432 || { echo "start-postgres: server did not come up" >&2; exit 1; }
su postgres -c "psql -q -tAc \"SELECT 1 FROM pg_roles WHERE rolname='$DB'\"" | grep -q 1 \
  || su postgres -c "psql -q -c \"CREATE ROLE $DB LOGIN PASSWORD '$DB' CREATEDB\"" >&2
su postgres -c "psql -q -tAc \"SELECT 1 FROM pg_database WHERE datname='$DB'\"" | grep -q 1 \
  || su postgres -c "createdb -O $DB $DB" >&2
url="jdbc:postgresql://127.0.0.1:5432/$DB?user=$DB&password=$DB"
if [[ "${1:-}" == "--export" ]]; then
  echo "export LOCUS_TEST_POSTGRES_URL='$url'"
else
  echo "$url"
fi
