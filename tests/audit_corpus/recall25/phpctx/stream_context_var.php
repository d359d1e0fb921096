<?php
function detect(string $img): array {
    $ctx = stream_context_create(['http' => [
        'method' => 'POST',
        'header' => "Content-Type: application/json\r\nx-api-key: " . getenv('AKOOL_API_KEY'),
        'content' => json_encode(['url' => $img, 'single_face' => 'yes']),
    ]]);
    $res = file_get_contents('https://openapi.akool.com/interface/detect-api/detect_faces', false, $ctx);
    return json_decode($res, true);
}
