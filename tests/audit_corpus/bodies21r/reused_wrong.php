<?php
$base = 'https://openapi.akool.com/api/open/v3';
$ch = curl_init();
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
curl_setopt($ch, CURLOPT_URL, $base . '/content/video/createbytalkingphoto');
curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode([
    'talking_photo_url' => 'https://example.com/a.jpg',
    'audio_url' => 'https://example.com/a.mp3',
    'resolution' => '1080',
]));
$talk = json_decode(curl_exec($ch), true);

curl_setopt($ch, CURLOPT_URL, $base . '/content/image/createbyprompt');
curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['prompt' => 'a cat', 'size' => '1:1']));
$image = json_decode(curl_exec($ch), true);

curl_reset($ch);
curl_setopt_array($ch, [
    CURLOPT_URL => $base . '/content/video/createbytalkingphoto',
    CURLOPT_POST => true,
    CURLOPT_POSTFIELDS => json_encode(['talking_photo_url' => 'https://example.com/b.jpg', 'audio_url' => 'https://example.com/b.mp3', 'resolution' => '720p']),
    CURLOPT_RETURNTRANSFER => true,
]);
$again = json_decode(curl_exec($ch), true);
echo $again['data']['_id'];
