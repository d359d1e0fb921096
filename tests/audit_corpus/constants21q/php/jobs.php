<?php
require_once "ApiConst.php";
$client = new \GuzzleHttp\Client();
$talk = $client->post(ApiConst::BASE . ApiConst::TALK, ['json' => ['talking_photo_url' => $p, 'audio_url' => $a]]);
$info = $client->post(ApiConst::BASE . ApiConst::INFO, ['query' => ['video_model_id' => $id]]);
$ok = $client->get(ApiConst::BASE . ApiConst::INFO, ['query' => ['video_model_id' => $id]]);
