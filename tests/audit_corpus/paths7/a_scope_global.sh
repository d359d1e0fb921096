#!/bin/bash
# A base set in one shell function is a global: another function reads it, unless it declares a local of that name.
setup() {
  API="https://openapi.akool.com/api/open/v3"
}
call() {
  curl -s -H "x-api-key: $AKOOL_KEY" "$API/avatars"
}
fetch() {
  local API="$1"
  curl -s "$API/avatars"
}
