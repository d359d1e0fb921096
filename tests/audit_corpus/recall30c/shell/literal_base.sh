akool_post() {
  local path=$1
  shift
  curl -sS -X POST "https://openapi.akool.com/api/open/v3$path" -H "x-api-key: $AKOOL_API_KEY" "$@"
}
akool_post /content/image/createbyprompt -d '{"prompt":"x","scale":"16:10"}'
