<?php
$API = "https://openapi.akool.com/api/open/v3";

function once($client, $key, $id)
{
    global $API;
    $d = json_decode($client->get("$API/content/video/infobymodelid?video_model_id=$id",
        ['headers' => ['x-api-key' => $key]])->getBody(), true)["data"];
    if ($d["video_status"] === "3") {
        return $d["video"];
    }
    return null;
}
