# Renders talking-photo videos through AKOOL's API.
param([string]$Photo, [string]$Audio)
$ErrorActionPreference = "Stop"
$base = "https://openapi.akool.com/api/open/v3"
$headers = @{ "x-api-key" = $env:AKOOL_API_KEY; "Content-Type" = "application/json" }

$body = @{
    talking_photo_url = $Photo
    audio_url         = $Audio
    resolution        = "720p"
} | ConvertTo-Json
$job = Invoke-RestMethod -Method Post -Uri "$base/content/video/createbytalkingphoto" -Headers $headers -Body $body

$job2 = Invoke-RestMethod -Method Post -Uri "$base/content/video/createbytalkingphoto" -Headers $headers -Body (@{ talking_photo_url = $Photo; audio_url = $Audio; resolution = "4k" } | ConvertTo-Json)

$payload = @{
    talking_photo_url = $Photo
    audio_url         = $Audio
    webhook           = "https://example.org/hook"
}
$job3 = Invoke-RestMethod -Method Post `
    -Uri "$base/content/video/createbytalkingphoto" `
    -Headers $headers `
    -Body ($payload | ConvertTo-Json -Depth 5)

$ok = @{ talking_photo_url = $Photo; audio_url = $Audio; resolution = "1080" } | ConvertTo-Json
$job4 = Invoke-RestMethod -Method Post -Uri "$base/content/video/createbytalkingphoto" -Headers $headers -Body $ok

$voices = Invoke-RestMethod -Method Post -Uri "$base/voice/list" -Headers $headers
$status = Invoke-RestMethod -Uri "$base/content/video/infobymodelid?video_model_id=$($job4.data._id)" -Headers $headers
Write-Output $status.data.video_status

$ordered = [ordered]@{
    talking_photo_url = $Photo
    audio_url         = $Audio
    resolution        = "2160p"
}
$json = $ordered | ConvertTo-Json -Depth 10
$job5 = Invoke-RestMethod -Method Post -Uri "$base/content/video/createbytalkingphoto" -Headers $headers -Body $json
