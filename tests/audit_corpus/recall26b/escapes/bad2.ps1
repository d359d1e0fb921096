$headers = @{ "x-api-key" = $env:AKOOL_API_KEY; "Content-Type" = "application/json" }
$body2 = "{""prompt"": ""a cat"", ""size"": ""16:9""}"
Invoke-RestMethod -Method Post -Uri "https://openapi.akool.com/api/open/v3/content/image/createbyprompt" -Headers $headers -Body $body2
$body3 = "{""talking_photo_url"": ""$photo"", ""audio_url"": ""$audio"", ""resolution"": ""1080p""}"
Invoke-RestMethod -Method Post -Uri "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto" -Headers $headers -Body $body3
