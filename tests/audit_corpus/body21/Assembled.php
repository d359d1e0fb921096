<?php
// A talking photo body built key by key.
$body = [];
$body['talking_photo_url'] = $photo;
$body['resolution'] = '720';
$res = $client->post('https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto', ['json' => $body]);
