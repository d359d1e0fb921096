<?php
use GuzzleHttp\Client;
$client = new Client(['base_uri' => 'https://openapi.akool.com/api/open/v3', 'timeout' => 30]);
$res = $client->get('content/video/infobymodelid', ['query' => ['video_model_id' => $id]]);
