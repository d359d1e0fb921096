$payload = @{
    talking_photo_url = $p
    resolution = "720"
}
$payload.Add("audio_url", $a)
$json = $payload | ConvertTo-Json -Depth 5
Invoke-RestMethod -Uri "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto" -Method Post -Body $json -ContentType "application/json"
