<?php
// Every option at once: the URL and the body in one curl_setopt_array.
$key = getenv('AKOOL_API_KEY');
$ch = curl_init();
curl_setopt_array($ch, [
    CURLOPT_URL => 'https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto',
    CURLOPT_POST => true,
    CURLOPT_RETURNTRANSFER => true,
    CURLOPT_HTTPHEADER => ["x-api-key: $key", 'Content-Type: application/json'],
    CURLOPT_POSTFIELDS => json_encode([
        'talking_photo_url' => 'https://example.com/face.jpg',
        'audio_url' => 'https://example.com/voice.mp3',
        'resolution' => '4k',
    ]),
]);
$res = json_decode(curl_exec($ch), true);
echo $res['data']['_id'];
