<?php
// Two requests on one handle name, each with its own documented body: nothing to report.
$base = getenv('AKOOL_BASE') ?: 'https://openapi.akool.com/api/open/v3';
$headers = ['x-api-key: ' . getenv('AKOOL_API_KEY'), 'Content-Type: application/json'];

$ch = curl_init("$base/content/video/createbytalkingphoto");
curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode([
    'talking_photo_url' => 'https://example.com/face.jpg',
    'audio_url' => 'https://example.com/voice.mp3',
    'resolution' => '1080',
    'webhookUrl' => 'https://example.com/hook',
]));
curl_setopt($ch, CURLOPT_HTTPHEADER, $headers);
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
$video = json_decode(curl_exec($ch), true);
echo $video['data']['_id'], ' ', $video['data']['video_status'];

$ch = curl_init("$base/content/image/createbyprompt");
$body = ['prompt' => 'a dog', 'scale' => '16:9', 'webhookUrl' => 'https://example.com/hook'];
curl_setopt_array($ch, [CURLOPT_POST => true, CURLOPT_POSTFIELDS => json_encode($body), CURLOPT_HTTPHEADER => $headers]);
$image = json_decode(curl_exec($ch), true);
echo $image['data']['_id'], ' ', $image['data']['image_status'];
