<?php
// One handle, three requests: a GET, then a POST said with CURLOPT_CUSTOMREQUEST, then a GET again.
$base = 'https://openapi.akool.com/api/open/v3';
$ch = curl_init();
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
curl_setopt($ch, CURLOPT_HTTPHEADER, ['x-api-key: ' . getenv('AKOOL_API_KEY')]);
curl_setopt($ch, CURLOPT_URL, $base . '/content/video/infobymodelid?video_model_id=' . $argv[1]);
$status = json_decode(curl_exec($ch), true);

curl_setopt($ch, CURLOPT_URL, $base . '/content/image/createbyprompt');
curl_setopt($ch, CURLOPT_CUSTOMREQUEST, 'PUT');
curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['prompt' => 'a cat', 'scale' => '1:1']));
$image = json_decode(curl_exec($ch), true);

curl_setopt($ch, CURLOPT_URL, $base . '/content/image/infobymodelid?image_model_id=' . $image['data']['_id']);
curl_setopt($ch, CURLOPT_CUSTOMREQUEST, 'GET');
$done = json_decode(curl_exec($ch), true);
echo $done['data']['image'];
echo $done['data']['video_url'];

// A fresh handle given no option that says a method: cURL sends a GET.
$h = curl_init("$base/content/image/createbyprompt");
curl_setopt($h, CURLOPT_RETURNTRANSFER, true);
$out = curl_exec($h);
