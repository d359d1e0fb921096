<?php
// AKOOL voices for the admin page.
$base = "https://openapi.akool.com/api/open/v4";
$ch = curl_init($base . "/voice/list?type=1&page=1&size=50");
curl_setopt($ch, CURLOPT_HTTPHEADER, ["x-api-key: " . getenv("AKOOL_API_KEY")]);
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
$body = json_decode(curl_exec($ch), true);
foreach ($body['data']['result'] as $voice) {
    echo $voice['voice_id'] . " " . $voice['sample'] . "\n";
}
