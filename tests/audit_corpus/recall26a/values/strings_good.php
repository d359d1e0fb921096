<?php
const V3 = "https://openapi.akool.com/api/open/v3";

function talk($client, $photo, $audio, $q) {
    return $client->post(V3 . "/content/video/createbytalkingphoto", ['json' => ['talking_photo_url' => $photo, 'audio_url' => $audio, 'resolution' => str_replace('p', '', $q)]]);
}

function talk2($client, $photo, $audio, $q) {
    return $client->post(V3 . "/content/video/createbytalkingphoto", ['json' => ['talking_photo_url' => $photo, 'audio_url' => $audio, 'resolution' => preg_replace('/p$/', '', $q)]]);
}
