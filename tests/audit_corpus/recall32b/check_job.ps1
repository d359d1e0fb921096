param([string]$ModelId)

$headers = @{ "x-api-key" = $env:AKOOL_API_KEY }
$job = Invoke-RestMethod -Method Get -Uri "https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=$ModelId" -Headers $headers
if ($job.code -ne 0) { throw "AKOOL error: $($job.msg)" }

switch ($job.data.video_status) {
    1 { Write-Host "queued" }
    2 { Write-Host "ready: $($job.data.video)" }
    4 { throw "render failed" }
}
