<?php
$base = getenv('AKOOL_BASE') ?: 'https://openapi.akool.com/api/open/v3';
$key = getenv('AKOOL_API_KEY');

$ctx = stream_context_create(['http' => [
    'method' => 'POST',
    'header' => "Content-Type: application/json\r\nx-api-key: $key\r\n",
    'content' => json_encode(['talking_photo_url' => 'https://x/a.png', 'audio_url' => 'https://x/a.mp3', 'resolution' => '720p']),
]]);
file_get_contents("$base/content/video/createbytalkingphoto", false, $ctx);

$payload = json_encode([
    'talking_photo_url' => 'https://x/a.png',
]);
$ctx = stream_context_create(['http' => ['method' => 'POST', 'header' => "Content-Type: application/json\r\nx-api-key: $key\r\n", 'content' => $payload]]);
file_get_contents("$base/content/video/createbytalkingphoto", false, $ctx);

$ctx = stream_context_create(['http' => ['header' => "x-api-key: $key\r\n"]]);
$json = file_get_contents("$base/content/video/infobymodelid?" . http_build_query(['id' => $argv[1]]), false, $ctx);
$res = json_decode($json);
echo $res->data->url;
if ($res->data->video_status === 5) {
    echo "done\n";
}
if ($res->code === 200) {
    echo "ok\n";
}

file_get_contents("$base/content/video/createbytalkingphoto2", false, stream_context_create(['http' => ['method' => 'POST', 'content' => json_encode(['talking_photo_url' => 'https://x/a.png', 'audio_url' => 'https://x/a.mp3'])]]));
