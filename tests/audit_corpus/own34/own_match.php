<?php
function delivered($job) {
    return $job['video_status'] == 5;
}
function create($token) {
    $ch = curl_init("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto");
    curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(["talking_photo_url" => "u", "audio_url" => "a"]));
    curl_setopt($ch, CURLOPT_HTTPHEADER, ["Authorization: Bearer " . $token]);
    $res = json_decode(curl_exec($ch), true);
    return $res['data']['_id'];
}
