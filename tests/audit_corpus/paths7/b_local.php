<?php
$base = 'https://openapi.akool.com/api/open/v3';
$dir = __DIR__ . '/data';
file_put_contents($dir . '/content/video/out', '');
file_put_contents(__DIR__ . '/content/image/out', '');
$tmp = sys_get_temp_dir();
file_put_contents("$tmp/faceswap/result", '');
