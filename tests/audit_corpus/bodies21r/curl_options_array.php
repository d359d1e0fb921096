<?php
// The options held in a name first, given to curl_setopt_array later.
$base = getenv('AKOOL_BASE_URL') ?: 'https://openapi.akool.com/api/open/v3';
$opts = [
    CURLOPT_URL => $base . '/content/video/createbytalkingphoto',
    CURLOPT_POST => true,
    CURLOPT_RETURNTRANSFER => true,
    CURLOPT_HTTPHEADER => ['x-api-key: ' . getenv('AKOOL_API_KEY'), 'Content-Type: application/json'],
    CURLOPT_POSTFIELDS => json_encode([
        'talking_photo_url' => 'https://example.com/a.jpg',
        'audio_url' => 'https://example.com/a.mp3',
        'resolution' => '2k',
    ]),
];
$ch = curl_init();
curl_setopt_array($ch, $opts);
$res = json_decode(curl_exec($ch), true);
