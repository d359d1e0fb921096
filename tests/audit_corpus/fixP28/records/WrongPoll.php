<?php
use App\Models\Render;
use Illuminate\Support\Facades\Http;

function poll(int $id): void {
    $render = Render::findOrFail($id);
    if ($render->video_status === 5) {
        return;
    }
    $res = Http::withHeaders(['x-api-key' => env('AKOOL_KEY')])
        ->get('https://openapi.akool.com/api/open/v3/content/video/infobymodelid', ['video_model_id' => $render->task_id])
        ->json();
    if ($res["data"]["video_status"] === 5) {
        $render->update(['video_status' => 5]);
    }
}
