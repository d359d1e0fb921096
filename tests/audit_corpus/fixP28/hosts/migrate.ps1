$content = Get-Content settings.json -Raw
$content = $content -replace 'https://api.akool.com', 'https://openapi.akool.com'
Set-Content settings.json $content
(Get-Content app.config) -replace "https://api.akool.com", "https://openapi.akool.com" | Set-Content app.config
