<?php
$token = trim(file_get_contents(__DIR__ . '/.akool_token'));
$ctx = stream_context_create(['http' => [
    'method' => 'POST',
    'header' => "Content-Type: application/json\r\nx-api-key: " . getenv('AKOOL_API_KEY') . "\r\nAuthorization: Bearer $token\r\n",
    'content' => json_encode(['talking_photo_url' => $argv[1], 'audio_url' => $argv[2]]),
]]);
$res = json_decode(file_get_contents('https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto', false, $ctx), true);
echo $res['data']['_id'], "\n";
