<?php
$labels = [1 => 'queued', 2 => 'done', 3 => 'failed'];
$ch = curl_init('https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=' . $id);
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
$res = json_decode(curl_exec($ch), true);
echo $labels[$res['data']['video_status']] ?? 'unknown';
