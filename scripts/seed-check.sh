#!/usr/bin/env bash
# The seed acceptance check: extract the seed report and run ../shared/seed/check.mjs on the result.
set -euo pipefail
cd "$(dirname "$0")/.."
seed=../shared/seed
if [ ! -f "$seed/article.txt" ] || [ ! -f "$seed/check.mjs" ]; then
  echo "seed: ../shared/seed is not present (article.txt, check.mjs): nothing to check"
  exit 0
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
node dist/cli/main.js extract "$seed/article.txt" --published 2018-10-16 --json >"$out"
node "$seed/check.mjs" "$out"
