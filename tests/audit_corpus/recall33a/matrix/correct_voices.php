<?php
function voices(string $key): array {
    $ch = curl_init('https://openapi.akool.com/api/open/v4/voice/list?' . http_build_query(['type' => 1, 'page' => 1, 'size' => 20]));
    curl_setopt($ch, CURLOPT_HTTPHEADER, ['x-api-key: ' . $key]);
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    $j = json_decode(curl_exec($ch), true);
    return $j['data'];
}
function credit(string $key): float {
    $ch = curl_init('https://openapi.akool.com/api/open/v3/faceswap/quota/info');
    curl_setopt($ch, CURLOPT_HTTPHEADER, ['x-api-key: ' . $key]);
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    return json_decode(curl_exec($ch), true)['data']['credit'];
}
