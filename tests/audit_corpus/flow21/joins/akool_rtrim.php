<?php
function akool_call(string $path, ?array $body = null): array {
    $base = getenv('AKOOL_BASE') ?: 'https://openapi.akool.com/api/open/v3/';
    $ch = curl_init();
    curl_setopt($ch, CURLOPT_URL, rtrim($base, '/') . $path);
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    if ($body !== null) {
        curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($body));
    }
    return json_decode(curl_exec($ch), true);
}

akool_call('/content/video/createbytalkingphoto', ['talking_photo_url' => 'a', 'audio_url' => 'b', 'resolution' => '720p']);
akool_call('/content/video/result/' . $argv[1]);
