<?php
// Generate an image from a prompt with PHP's procedural cURL (the body built first, then encoded).
$ch = curl_init('https://openapi.akool.com/api/open/v3/content/image/createbyprompt');
$body = ['prompt' => 'a dog on a skateboard', 'scale' => '16:10', 'webhook' => ''];
curl_setopt($ch, CURLOPT_POST, true);
curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($body));
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
curl_setopt($ch, CURLOPT_HTTPHEADER, ['x-api-key: ' . getenv('AKOOL_API_KEY'), 'Content-Type: application/json']);
$out = json_decode(curl_exec($ch), true);
curl_close($ch);
echo $out['data']['image_url'], PHP_EOL;
