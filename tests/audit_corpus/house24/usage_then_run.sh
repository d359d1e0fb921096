#!/bin/sh
# Prints its usage; a generated command is shown and then run.
usage() {
  cat <<EOF
Usage: $0 IMAGE
  e.g. curl -X POST https://openapi.akool.com/api/open/v3/faceswap/doit -d '{"img": "x"}'
EOF
}
[ -n "$1" ] || { usage; exit 2; }
CMD="curl -s -X POST https://openapi.akool.com/api/open/v3/faceswap/swapit -H \"Authorization: Bearer $AKOOL_TOKEN\""
echo "running: $CMD"
sh -c "$CMD"
