<?php
// Cron job: generate the daily banner with AKOOL and store its URL.
$base = getenv('AKOOL_BASE') ?: 'https://openapi.akool.com/api/open/v3';
$key = getenv('AKOOL_API_KEY');

function akool_request(string $url, ?array $body = null): array {
    global $key;
    $ch = curl_init($url);
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    curl_setopt($ch, CURLOPT_HTTPHEADER, ["x-api-key: $key", 'Content-Type: application/json']);
    if ($body !== null) {
        curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($body));
    }
    $out = curl_exec($ch);
    curl_close($ch);
    return json_decode($out, true);
}

$job = akool_request("$base/content/image/createbyprompt", ['prompt' => 'a sunrise over the sea', 'scale' => '1:1', 'webhook_url' => 'https://example.org/akool-hook']);
$id = $job['data']['_id'];
sleep(30);
$info = akool_request($base . '/content/image/infobymodelid?image_model_id=' . $id);
$big = akool_request("{$base}/content/image/upscale", ['_id' => $id, 'button' => 'U1']);
