#!/bin/bash
API="https://openapi.akool.com/api/open/v3"
cat "$(dirname "$0")/content/video/list"
ls "$(pwd)/faceswap/result"
ls `pwd`/content/image/x
ls "${BASH_SOURCE%/*}/content/video/y"
ls ~/content/video/z
curl -s "$API/voice/list"
