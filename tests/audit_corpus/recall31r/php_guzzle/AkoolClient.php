<?php
require 'vendor/autoload.php';

use GuzzleHttp\Client;

$client = new Client([
    'base_uri' => 'https://openapi.akool.com/api/open/v3/',
    'headers' => ['x-api-key' => getenv('AKOOL_API_KEY')],
]);

$client->post('content/video/createbytalkingphoto', ['json' => ['talking_photo_url' => 'https://x/a.png', 'audio_url' => 'https://x/a.mp3', 'resolution' => '720p']]);

$body = [
    'talking_photo_url' => 'https://x/a.png',
];
$created = $client->post('content/video/createbytalkingphoto', ['json' => $body]);

$response = $client->get('content/video/infobymodelid', ['query' => ['id' => $argv[1]]]);
$data = json_decode($response->getBody(), true);
echo $data['data']['url'];
if ($data['data']['video_status'] == 5) {
    echo "done\n";
}
if ($data['code'] == 200) {
    echo "ok\n";
}

$client->post('content/video/createbytalkingphoto2', ['json' => ['talking_photo_url' => 'https://x/a.png', 'audio_url' => 'https://x/a.mp3']]);
