<?php
// The base from the environment with AKOOL's as the default; the body encoded inline.
$base = getenv('AKOOL_BASE') ?: 'https://openapi.akool.com/api/open/v3';
$ch = curl_init("$base/content/image/createbyprompt");
curl_setopt($ch, CURLOPT_POST, true);
curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['prompt' => 'a cat', 'scale' => '21:9']));
curl_setopt($ch, CURLOPT_HTTPHEADER, ['x-api-key: ' . getenv('AKOOL_API_KEY'), 'Content-Type: application/json']);
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
$raw = curl_exec($ch);
$answer = json_decode($raw, true);
echo $answer['data']['image_id'];
