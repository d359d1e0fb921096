$content = $content -replace 'https://openapi.akool.com', 'https://api.akool.com'
