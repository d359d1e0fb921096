<?php
function lip($v, $a, $hook) {
    return Http::post("https://openapi.akool.com/api/open/v3/content/video/lipsync", ["video_url" => $v, "audio_url" => $a, "webhook" . "Url" => $hook]);
}
