<?php
require 'vendor/autoload.php';

$client = new GuzzleHttp\Client(['base_uri' => 'https://openapi.akool.com']);
$r = $client->get('/api/open/v3/faceswap/quota/info', ['headers' => ['x-api-key' => getenv('AKOOL_KEY')]]);
echo json_decode($r->getBody(), true)['data']['credit_left'], PHP_EOL;
