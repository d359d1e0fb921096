<?php
function info($id) {
    $res = json_decode(file_get_contents("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=" . urlencode($id)), true);
    try {
        return $res['data']['video'];
    } catch (Exception $res) {
        error_log($res->getMessage());
        return null;
    }
}
