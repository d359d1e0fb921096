<?php
const BASE = 'https://openapi.akool.com/api/open/v3';
function talk(string $p, string $a): array {
    $opts = ['http' => [
        'method'  => 'POST',
        'header'  => "Content-Type: application/json\r\nx-api-key: " . getenv('AKOOL_API_KEY'),
        'content' => json_encode(['talking_photo_url' => $p, 'audio_url' => $a, 'resolution' => '720']),
        'ignore_errors' => true,
    ]];
    $res = file_get_contents(BASE . '/content/video/createbytalkingphoto', false, stream_context_create($opts));
    $j = json_decode($res, true);
    return [$j['data']['_id']];
}
function info(string $id): array {
    $ctx = stream_context_create(['http' => ['method' => 'GET', 'header' => 'x-api-key: ' . getenv('AKOOL_API_KEY')]]);
    return json_decode(file_get_contents(BASE . '/content/video/infobymodelid?video_model_id=' . $id, false, $ctx), true);
}
function detect(string $img): array {
    $ctx = stream_context_create(['http' => [
        'method' => 'POST',
        'header' => "Content-Type: application/json\r\nx-api-key: " . getenv('AKOOL_API_KEY'),
        'content' => json_encode(['url' => $img, 'single_face' => true]),
    ]]);
    $res = file_get_contents('https://openapi.akool.com/interface/detect-api/detect_faces', false, $ctx);
    return json_decode($res, true);
}
