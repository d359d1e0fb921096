<?php
$res = $client->get('https://openapi.akool.com/api/open/v3/content/video/infobymodelid', ['query' => ['video_model_id' => $id]]);
$body = json_decode((string) $res->getBody(), true);
echo $body['data']['video_status'];
echo $body['data']['video'];
