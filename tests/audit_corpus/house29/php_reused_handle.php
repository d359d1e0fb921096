<?php
// Reage a face at several ages over one kept-alive cURL handle.
$key = getenv('AKOOL_API_KEY');
$image = $argv[1];

$ch = curl_init('https://openapi.akool.com/api/open/v3/faceswap/highquality/imgreage');
curl_setopt_array($ch, [
    CURLOPT_POST => true,
    CURLOPT_RETURNTRANSFER => true,
    CURLOPT_HTTPHEADER => ["x-api-key: $key", 'Content-Type: application/json'],
]);

$older = ['targetImage' => [['path' => $image, 'opts' => '']], 'face_reage' => 20, 'modifyImage' => $image];
curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($older));
$first = json_decode(curl_exec($ch), true);

$younger = ['targetImage' => [['path' => $image, 'opts' => '']], 'face_reage' => -60, 'modifyImage' => $image];
curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($younger));
$second = json_decode(curl_exec($ch), true);

curl_setopt($ch, CURLOPT_URL, 'https://openapi.akool.com/api/open/v3/faceswap/quota/info');
curl_setopt($ch, CURLOPT_HTTPGET, true);
$quota = json_decode(curl_exec($ch), true);
curl_close($ch);

echo $first['data']['url'], ' ', $second['data']['url'], PHP_EOL;
