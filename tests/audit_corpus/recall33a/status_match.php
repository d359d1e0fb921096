<?php
function video_label(string $id): string {
    $ch = curl_init('https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=' . $id);
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    $res = json_decode(curl_exec($ch), true);
    return match ($res['data']['video_status']) { 1 => 'queued', 2 => 'processing', 3 => 'done', 4 => 'error', default => 'unknown' };
}
