<?php
// An endpoint table whose {_id} paths are prefixes the id is appended to.
const BASE = "https://openapi.akool.com";
$endpoints = [
    'voice_result' => '/api/open/v4/voice/resource/detail',
];
function result($id) { global $endpoints; return Http::get(BASE . $endpoints['voice_result'] . '/' . $id)->json(); }
