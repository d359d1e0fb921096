<?php
$cfg = require __DIR__ . '/settings.php';

$ch = curl_init($cfg['akool_base'] . '/faceswap/highquality/specifyimages');
$credit = file_get_contents($cfg['akool_base'] . '/faceswap/quota/info');
