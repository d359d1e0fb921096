<?php
$base = "https://openapi.akool.com";
$ops = [
    ['method' => 'POST', 'path' => '/api/open/v3/content/video/createbytalkingphoto'],
    ['method' => 'GET', 'path' => '/api/open/v3/content/video/infobymodelid'],
];
foreach ($ops as $op) {
    $client->request($op['method'], $base . $op['path']);
}
