#!/usr/bin/env bash
# The README's demo: start the sandbox, point akool at it, make a video, stop the sandbox.
set -euo pipefail

workdir=.demo
outdir=demo-output
mkdir -p "$workdir" "$outdir"
ready="$workdir/sandbox.json"
rm -f "$ready"

# A fresh headless machine has no keyring: the demo uses the environment, as CI would.
rm -rf "$workdir/home"  # a fresh history each run, so the demo shows only its own job
export AKOOL_HOME="$PWD/$workdir/home"

akool sandbox --port 0 --processing-seconds 3 --ready-file "$ready" >"$workdir/sandbox.log" 2>&1 &
sandbox_pid=$!
trap 'kill "$sandbox_pid" 2>/dev/null || true; wait "$sandbox_pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 100); do
  [ -s "$ready" ] && break
  kill -0 "$sandbox_pid" 2>/dev/null || { cat "$workdir/sandbox.log" >&2; exit 1; }
  sleep 0.1
done
[ -s "$ready" ] || { echo "the sandbox did not start" >&2; exit 1; }

AKOOL_BASE_URL=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["base_url"])' "$ready")
AKOOL_API_KEY=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["api_key"])' "$ready")
export AKOOL_BASE_URL AKOOL_API_KEY
echo "== sandbox at $AKOOL_BASE_URL"

echo "== akool credit"
akool credit

video="$outdir/talking-photo.mp4"
rm -f "$video"
echo "== akool talk (create the job; its id is printed on stdout)"
job_id=$(akool talk https://example.com/portrait.jpg https://example.com/speech.mp3 \
  --prompt "friendly, natural hand gestures" --resolution 720)
echo "job id: $job_id"

echo "== akool watch $job_id -o $video"
akool watch "$job_id" --interval 1 -o "$video"

echo "== akool status"
akool status

echo
echo "Done: the video is at $PWD/$video ($(wc -c <"$video") bytes)."
