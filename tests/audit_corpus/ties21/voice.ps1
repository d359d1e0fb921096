$base = "https://openapi.akool.com/api/open/v4"
$h = @{ "x-api-key" = $env:AKOOL_API_KEY }
$body = @{ input_text = "Hello"; voice_id = "v1" } | ConvertTo-Json
$r = Invoke-RestMethod -Method Post -Uri "$base/voice/tts" -Headers $h -ContentType "application/json" -Body $body
Write-Output $r.data.task_id
$d = Invoke-RestMethod -Uri "$base/voice/resource/detail/$($r.data._id)" -Headers $h
Write-Output $d.data.result.status $d.data.result.preview
Write-Output $d.data.status
