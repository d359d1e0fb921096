<?php
// Talking avatar's elements[] built under their own names: curl and Guzzle.
$base = "https://openapi.akool.com/api/open/v3";
$body = ['width' => 3840, 'height' => 2160, 'elements' => []];
foreach ($lines as $text) {
    $item = ['type' => 2, 'avatar_id' => $avatar, 'input_text' => $text, 'voice_id' => 'v1'];
    $body['elements'][] = $item;
}
$ch = curl_init("$base/talkingavatar/create");
curl_setopt($ch, CURLOPT_POST, true);
curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($body));
curl_setopt($ch, CURLOPT_HTTPHEADER, ['x-api-key: ' . getenv('AKOOL_API_KEY'), 'Content-Type: application/json']);
$out = curl_exec($ch);

$one = ['type' => 2, 'avatar_id' => $avatar, 'input_text' => $text, 'voice_id' => 'v1'];
$ch2 = curl_init("$base/talkingavatar/create");
curl_setopt($ch2, CURLOPT_POSTFIELDS, json_encode(['width' => 3840, 'elements' => [$one]]));
$out2 = curl_exec($ch2);

$two = array('type' => 2, 'avatar_id' => $avatar, 'input_text' => $text, 'voice_id' => 'v1');
$res = $client->post("$base/talkingavatar/create", ['json' => array('width' => 3840, 'elements' => array($two))]);
