grep -rq "https://api.akool.com" config/ && { echo "old host" >&2; exit 1; }
rg -l 'https://api.akool.com' . | xargs sed -i 's#api.akool#openapi.akool#'
