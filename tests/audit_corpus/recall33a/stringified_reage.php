<?php
$API = "https://openapi.akool.com/api/open/v3";

function reage($face, $video, $years) {
    global $API;
    $ch = curl_init("$API/faceswap/highquality/imgreage");
    curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['targetImage' => [['path' => $face, 'opts' => '']], 'face_reage' => strval($years), 'modifyImage' => $video]));
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    return curl_exec($ch);
}
