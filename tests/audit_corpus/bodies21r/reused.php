<?php
$base = 'https://openapi.akool.com/api/open/v3';
$key = getenv('AKOOL_API_KEY');
$ch = curl_init();
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
curl_setopt($ch, CURLOPT_HTTPHEADER, ['x-api-key: ' . $key, 'Content-Type: application/json']);

curl_setopt($ch, CURLOPT_URL, $base . '/content/image/createbyprompt');
curl_setopt($ch, CURLOPT_POST, true);
curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['prompt' => 'a cat', 'scale' => '1:1']));
$image = json_decode(curl_exec($ch), true);

curl_setopt($ch, CURLOPT_URL, $base . '/content/video/createbytalkingphoto');
curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode([
    'talking_photo_url' => 'https://example.com/a.jpg',
    'audio_url' => 'https://example.com/a.mp3',
    'resolution' => '720p',
]));
$talk = json_decode(curl_exec($ch), true);

curl_setopt($ch, CURLOPT_URL, $base . '/content/video/infobymodelid?video_model_id=' . $talk['data']['_id']);
curl_setopt($ch, CURLOPT_HTTPGET, true);
$status = json_decode(curl_exec($ch), true);
echo $status['data']['video_status'];
curl_close($ch);
