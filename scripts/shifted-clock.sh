#!/bin/sh
# The unit and hub tests again with the clock three years ahead (Debian's faketime): a test that
# passes today but fails then depends on today's date, which no test may do (README "Tests").
# The hub runs on embedded PGlite here, which shares the shifted clock; a PostgreSQL server keeps
# its own clock, so PHARMACHECK_TEST_DATABASE_URL is not used in this run.
set -eu
SHIFT="${PHARMACHECK_CLOCK_SHIFT:-+3 years}"
if ! command -v faketime >/dev/null 2>&1; then
  echo "test:shifted-clock needs Debian's faketime: apt-get install -y faketime" >&2
  exit 1
fi
echo "== the unit and hub tests with the clock moved $SHIFT ($(faketime "$SHIFT" date -u +%Y-%m-%d))"
unset PHARMACHECK_TEST_DATABASE_URL
exec faketime "$SHIFT" npx vitest run --project unit --project hub "$@"
