<?php
$ch = curl_init("https://openapi.akool.com/api/open/v3/faceswap/quota/info");
curl_setopt($ch, CURLOPT_HTTPHEADER, ['apikey: ' . getenv('AKOOL_API_KEY')]);
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
$out = json_decode(curl_exec($ch), true);
echo $out['data']['credit'];
