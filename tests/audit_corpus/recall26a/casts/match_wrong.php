<?php
$base = "https://openapi.akool.com/api/open/v3";

function videoUrl(string $base, string $id, string $key): ?string {
    $res = json_decode(file_get_contents("$base/content/video/infobymodelid?video_model_id=$id", false, stream_context_create(['http' => ['header' => "x-api-key: $key"]])), true);
    $d = $res['data'];
    return match ($d['video_status']) {
        2 => $d['video'],
        4 => throw new RuntimeException('failed'),
        default => null,
    };
}
