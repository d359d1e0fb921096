#!/usr/bin/env bash
BASE="https://openapi.akool.com/api/open/v3/"
curl -s -H "x-api-key: $AKOOL_API_KEY" "${BASE}content/video/status/$1"
curl -s -H "x-api-key: $AKOOL_API_KEY" "${BASE}voice/list"
