<?php
// A face swap sent with file_get_contents and a stream context; the body held in $payload.
$payload = ['sourceImage' => [['path' => $f, 'opts' => '']], 'targetImage' => [['path' => $p, 'opts' => '']], 'face_enhance' => 2, 'modifyImage' => $p];
$ctx = stream_context_create(['http' => ['method' => 'POST', 'header' => "Content-Type: application/json\r\nx-api-key: $key\r\n", 'content' => json_encode($payload)]]);
$res = file_get_contents('https://openapi.akool.com/api/open/v3/faceswap/highquality/specifyimage', false, $ctx);
