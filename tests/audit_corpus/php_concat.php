<?php
// Image generation client
define('AKOOL_BASE', 'https://openapi.akool.com/api/open/v3');

function akool_post(string $url, array $body, string $key): array {
    $ch = curl_init($url);
    curl_setopt($ch, CURLOPT_HTTPHEADER, ['x-api-key: ' . $key, 'Content-Type: application/json']);
    curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($body));
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    return json_decode(curl_exec($ch), true);
}

function generate(string $prompt, string $key): array {
    return akool_post(AKOOL_BASE . '/content/image/createbyprompt', [
        'prompt' => $prompt,
        'scale' => '16:10',
        'webhook_url' => 'https://example.com/hook',
    ], $key);
}
