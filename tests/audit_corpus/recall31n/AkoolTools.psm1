$script:Base = if ($env:AKOOL_BASE) { $env:AKOOL_BASE } else { "https://openapi.akool.com/api/open/v3" }

function New-AkoolImage {
    param([Parameter(Mandatory)][string]$Prompt, [string]$Hook = "")
    $body = @{ prompt = $Prompt; scale = "1:1"; webhookUrl = $Hook } | ConvertTo-Json
    $r = Invoke-RestMethod -Method Post -Uri "$script:Base/content/image/createbyprompt" -Headers @{ "x-api-key" = $env:AKOOL_API_KEY } -ContentType "application/json" -Body $body
    $r.data._id
}

function Get-AkoolVideo {
    param([Parameter(Mandatory)][string]$Id)
    $r = Invoke-RestMethod -Uri "$script:Base/content/video/infobymodelid?video_model_id=$Id" -Headers @{ "x-api-key" = $env:AKOOL_API_KEY }
    [pscustomobject]@{ Status = $r.data.video_status; Url = $r.data.video_url }
}

Export-ModuleMember -Function New-AkoolImage, Get-AkoolVideo
