$params = @{
    Uri         = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
    Method      = "Post"
    Headers     = @{ "x-api-key" = $env:AKOOL_API_KEY }
    ContentType = "application/json"
    Body        = (@{ talking_photo_url = $p; resolution = "720p"; audio_url = $a } | ConvertTo-Json)
}
$r = Invoke-RestMethod @params
$s = Invoke-RestMethod -Uri "https://openapi.akool.com/api/open/v3/content/video/infobymodelid" -Body @{ video_id = $r.data._id }
if ($s.data.video_status -eq 2) { Invoke-WebRequest -Uri $s.data.video -OutFile out.mp4 }
