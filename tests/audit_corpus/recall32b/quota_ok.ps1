$headers = @{ "x-api-key" = $env:AKOOL_API_KEY }
$q = Invoke-RestMethod -Uri "https://openapi.akool.com/api/open/v3/faceswap/quota/info" -Headers $headers; if ($q.code -eq 1000) { Write-Host "credit left: $($q.data.credit)" }
