#!/usr/bin/env bash
set -euo pipefail
# Fail the build if the retired host is still referenced anywhere.
if git grep -n "https://api.akool.com" -- ':!CHANGELOG.md'; then
  echo "retired AKOOL host still referenced" >&2
  exit 1
fi
if rg -n "https://api.akool.com" src/; then
  exit 1
fi
grep -r "https://api.akool.com" config/ && exit 1 || true
