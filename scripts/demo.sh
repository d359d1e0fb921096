#!/usr/bin/env bash
# The README's demo: from files on disk to a video. A local S3-compatible server (moto) stands in
# for your bucket, the sandbox stands in for AKOOL and fetches the presigned URLs like AKOOL does.
set -euo pipefail

workdir=.demo
outdir=demo-output
mkdir -p "$workdir" "$outdir"
rm -f "$workdir"/*.json

# A fresh headless machine has no keyring: the demo uses the environment, as CI would.
rm -rf "$workdir/home"  # a fresh history each run, so the demo shows only its own job
export AKOOL_HOME="$PWD/$workdir/home"

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

wait_for() {  # wait_for FILE PID LOG
  for _ in $(seq 1 150); do
    [ -s "$1" ] && return 0
    kill -0 "$2" 2>/dev/null || { cat "$3" >&2; exit 1; }
    sleep 0.1
  done
  echo "$3: did not start" >&2
  exit 1
}
field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"; }

python3 scripts/s3_server.py --ready-file "$workdir/s3.json" >"$workdir/s3.log" 2>&1 &
pids+=($!)
akool sandbox --port 0 --processing-seconds 3 --fetch-inputs --ready-file "$workdir/sandbox.json" \
  >"$workdir/sandbox.log" 2>&1 &
pids+=($!)
wait_for "$workdir/s3.json" "${pids[0]}" "$workdir/s3.log"
wait_for "$workdir/sandbox.json" "${pids[1]}" "$workdir/sandbox.log"

# The standard AWS variables, as for `aws s3 cp`; only this demo's server and made-up keys.
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_ENDPOINT_URL_S3
export AWS_ENDPOINT_URL; AWS_ENDPOINT_URL=$(field "$workdir/s3.json" endpoint)
export AWS_ACCESS_KEY_ID=demo-access-key AWS_SECRET_ACCESS_KEY=demo-secret-key
export AWS_DEFAULT_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
export AWS_CONFIG_FILE="$PWD/$workdir/aws-config" AWS_SHARED_CREDENTIALS_FILE="$PWD/$workdir/aws-credentials"
python3 -c 'import boto3; boto3.client("s3").create_bucket(Bucket="akool-demo")'
echo "== S3-compatible server at $AWS_ENDPOINT_URL (bucket akool-demo)"

export AKOOL_BASE_URL AKOOL_API_KEY
AKOOL_BASE_URL=$(field "$workdir/sandbox.json" base_url)
AKOOL_API_KEY=$(field "$workdir/sandbox.json" api_key)
echo "== sandbox at $AKOOL_BASE_URL (fetches inputs like AKOOL)"

echo "== akool credit"
akool credit

video="$outdir/talking-photo.mp4"
rm -f "$video"
echo "== akool talk demo/portrait.png demo/hello.wav --upload-to s3://akool-demo/inputs/ --check-face"
job_id=$(akool talk demo/portrait.png demo/hello.wav --upload-to s3://akool-demo/inputs/ \
  --check-face --prompt "friendly, natural hand gestures" --resolution 720)
echo "job id: $job_id"

echo "== akool watch $job_id -o $video"
akool watch "$job_id" --interval 1 -o "$video"

echo "== akool lipsync $video demo/hello.wav --upload-to s3://akool-demo/inputs/ -o $outdir/lipsync/"
echo "   (another product on the same engine: the new video's lips moved to the recording)"
rm -rf "$outdir/lipsync"
akool lipsync "$video" demo/hello.wav --upload-to s3://akool-demo/inputs/ --interval 1 \
  -o "$outdir/lipsync/"

echo "== the same files again: nothing is uploaded twice"
akool talk demo/portrait.png demo/hello.wav --upload-to s3://akool-demo/inputs/ >/dev/null

echo "== akool status"
akool status

echo
echo "Done: the video is at $PWD/$video ($(wc -c <"$video") bytes)."
