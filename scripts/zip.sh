#!/bin/sh
# npm run zip: both store packages and Firefox's sources archive, built on one recorded date so
# that a reviewer can rebuild them byte for byte (the bundled list is dated by the build).
set -eu
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(date +%s)}"
echo "Building with SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH: give this value to reviewers to rebuild byte for byte."
npx wxt zip
npx wxt zip -b firefox
npx tsx scripts/sizes.ts
