<?php
use GuzzleHttp\Client;
$client = new Client(['base_uri' => 'https://openapi.akool.com/api/open/v3/']);
$res = $client->get('content/video/infobymodelid', ['query' => ['video_model_id' => $id]]);
$res2 = $client->get('/api/open/v3/content/video/infobymodelid', ['query' => ['video_model_id' => $id]]);
