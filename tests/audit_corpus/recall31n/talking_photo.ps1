param([Parameter(Mandatory)] [string] $PhotoUrl)
$base = if ($env:AKOOL_BASE) { $env:AKOOL_BASE } else { "https://openapi.akool.com/api/open/v3" }
$headers = @{ "x-api-key" = $env:AKOOL_API_KEY }

$body = @{
    talking_photo_url = $PhotoUrl  # the portrait
    resolution        = "720"
} | ConvertTo-Json
$job = Invoke-RestMethod -Method Post -Uri "$base/content/video/createbytalkingphoto" `
    -Headers $headers -ContentType "application/json" -Body $body

$full = @{ talking_photo_url = $PhotoUrl; audio_url = $args[0]; resolution = "1080" } | ConvertTo-Json
Invoke-WebRequest -Method Post -Uri "$base/content/video/createbytalkingphoto" -Headers $headers -Body $full

Invoke-RestMethod -Method Post -Uri "$base/content/video/createbytalkingphoto" -Headers $headers -ContentType "application/json" -Body (@{ talking_photo_url = $PhotoUrl; resolution = "720" } | ConvertTo-Json)
