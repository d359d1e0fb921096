<?php
use Illuminate\Support\Facades\Http;
use Illuminate\Support\Arr;
function f($id) {
    $j = Http::get('https://openapi.akool.com/api/open/v3/content/video/infobymodelid', ['video_model_id' => $id])->json();
    $a = Arr::get($j, 'data.video_status');
    return [$a, data_get($j, 'data.video_status')];
}
