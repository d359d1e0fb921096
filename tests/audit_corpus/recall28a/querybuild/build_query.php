<?php
$base = 'https://openapi.akool.com/api/open/v3';
$qs = http_build_query(['from' => 5]);
$ch = curl_init($base . '/voice/list?' . $qs);
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
$res = json_decode(curl_exec($ch), true);
