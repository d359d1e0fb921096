<?php
// The URL held in a name and given as CURLOPT_URL; the body set by its own curl_setopt.
const AKOOL = 'https://openapi.akool.com/api/open/v3';
$url = AKOOL . '/content/video/createbytalkingphoto';
$payload = array(
    'talking_photo_url' => 'https://example.com/face.jpg',
    'audio_url' => 'https://example.com/voice.mp3',
    'webhook_url' => 'https://example.com/hook',
);
$ch = curl_init();
curl_setopt($ch, CURLOPT_URL, $url);
curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($payload));
curl_setopt($ch, CURLOPT_HTTPHEADER, ['x-api-key: ' . getenv('AKOOL_API_KEY'), 'Content-Type: application/json']);
$out = json_decode(curl_exec($ch), true);
echo $out['data']['video_url'];
