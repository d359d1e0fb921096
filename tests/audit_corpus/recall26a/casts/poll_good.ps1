$base = "https://openapi.akool.com/api/open/v3"
$headers = @{ "x-api-key" = $env:AKOOL_API_KEY }
$r = Invoke-RestMethod -Uri "$base/content/video/infobymodelid?video_model_id=$id" -Headers $headers
if ($r.data.video_status -eq 3) {
    $r.data.video
}
