<?php
require 'vendor/autoload.php';

use Symfony\Component\HttpClient\HttpClient;

$base = $_ENV['AKOOL_BASE'] ?? 'https://openapi.akool.com/api/open/v3';
$client = HttpClient::create(['headers' => ['x-api-key' => $_ENV['AKOOL_API_KEY']]]);

$client->request('POST', $base . '/content/video/createbytalkingphoto', ['json' => ['talking_photo_url' => 'https://x/a.png', 'audio_url' => 'https://x/a.mp3', 'resolution' => '720p']]);

$body = [
    'talking_photo_url' => 'https://x/a.png',
];
$client->request('POST', $base . '/content/video/createbytalkingphoto', ['json' => $body]);

$response = $client->request('GET', $base . '/content/video/infobymodelid', ['query' => ['id' => $argv[1]]]);
$data = $response->toArray();
echo $data['data']['url'];
if ($data['data']['video_status'] === 5) {
    echo "done\n";
}
if ($data['code'] === 200) {
    echo "ok\n";
}

$client->request('POST', $base . '/content/video/createbytalkingphoto2', ['json' => ['talking_photo_url' => 'https://x/a.png', 'audio_url' => 'https://x/a.mp3']]);
