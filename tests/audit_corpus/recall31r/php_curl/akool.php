<?php
const AKOOL_BASE = 'https://openapi.akool.com/api/open/v3';
$key = getenv('AKOOL_API_KEY');

$ch = curl_init('https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto');
curl_setopt_array($ch, [
    CURLOPT_POST => true,
    CURLOPT_RETURNTRANSFER => true,
    CURLOPT_HTTPHEADER => ['x-api-key: ' . $key, 'Content-Type: application/json'],
    CURLOPT_POSTFIELDS => json_encode(['talking_photo_url' => 'https://x/a.png', 'audio_url' => 'https://x/a.mp3', 'resolution' => '720p']),
]);
$out = curl_exec($ch);
curl_close($ch);

$payload = [
    'talking_photo_url' => 'https://x/a.png',
];
$ch = curl_init(AKOOL_BASE . '/content/video/createbytalkingphoto');
curl_setopt($ch, CURLOPT_POST, true);
curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($payload));
curl_setopt($ch, CURLOPT_HTTPHEADER, ['x-api-key: ' . $key, 'Content-Type: application/json']);
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
$created = json_decode(curl_exec($ch), true);

$q = http_build_query(['id' => $argv[1]]);
$ch = curl_init(AKOOL_BASE . '/content/video/infobymodelid?' . $q);
curl_setopt($ch, CURLOPT_HTTPHEADER, ['x-api-key: ' . $key]);
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
$res = json_decode(curl_exec($ch), true);
echo $res['data']['url'];
if ($res['data']['video_status'] == 5) {
    echo "done\n";
}
if ($res['code'] === 200) {
    echo "ok\n";
}

$ch = curl_init(AKOOL_BASE . '/content/video/createbytalkingphoto2');
curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['talking_photo_url' => 'https://x/a.png', 'audio_url' => 'https://x/a.mp3']));
curl_exec($ch);
