<?php
function video_status(string $id): int {
    $ch = curl_init('https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=' . $id);
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    curl_setopt($ch, CURLOPT_HTTPHEADER, ['x-api-key: ' . getenv('AKOOL_KEY')]);
    return json_decode(curl_exec($ch), true)['data']['videoStatus'];
}
function image_url(string $id): string {
    $ch = curl_init('https://openapi.akool.com/api/open/v3/content/image/infobymodelid?image_model_id=' . $id);
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    return json_decode(curl_exec($ch), true)['data']['image'];
}
