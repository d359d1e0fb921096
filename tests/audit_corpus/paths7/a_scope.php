<?php
// Image generation, then a download of the image it made.
const AKOOL_BASE = 'https://openapi.akool.com/api/open/v3';

function create_image($key, $prompt) {
    $url = AKOOL_BASE . '/content/image/createbyprompt';
    $ch = curl_init($url);
    curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['prompt' => $prompt, 'scale' => '1:1']));
    curl_setopt($ch, CURLOPT_HTTPHEADER, ['x-api-key: ' . $key, 'Content-Type: application/json']);
    return curl_exec($ch);
}

function download($url, $dest) {
    file_put_contents($dest, file_get_contents($url));
}
