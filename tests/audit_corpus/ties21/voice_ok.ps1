$base = "https://openapi.akool.com/api/open/v4"
$h = @{ "x-api-key" = $env:AKOOL_API_KEY }
$voices = Invoke-RestMethod -Uri "$base/voice/list?type=1&page=1&size=20" -Headers $h
foreach ($v in $voices.data.result) { Write-Output "$($v.voice_id) $($v.name) $($v.preview)" }
$body = @{ input_text = "Hello"; voice_id = $voices.data.result[0].voice_id } | ConvertTo-Json
$r = Invoke-RestMethod -Method Post -Uri "$base/voice/tts" -Headers $h -ContentType "application/json" -Body $body
$d = Invoke-RestMethod -Uri "$base/voice/resource/detail/$($r.data._id)" -Headers $h
Write-Output $d.data.result.status $d.data.result.preview
