<?php

namespace App\Jobs;

use App\Models\Swap;
use Illuminate\Support\Facades\Http;

class PollSwap
{
    public function handle(Swap $swap): void
    {
        $res = Http::withHeaders(['x-api-key' => config('services.akool.key')])
            ->get('https://openapi.akool.com/api/open/v3/faceswap/result/listbyids', ['_ids' => $swap->akool_id]);

        $state = $res->json('data.result.0.faceswap_status');
        if ($state === 5) {
            $swap->update(['state' => 'expired']);
        } elseif ($state === 3) {
            $swap->update(['state' => 'done', 'url' => $res->json('data.result.0.url')]);
        }
    }

    public function video(string $id): string
    {
        $j = Http::get('https://openapi.akool.com/api/open/v3/content/video/infobymodelid', ['video_model_id' => $id])->json();
        $videoStatus = $j['data']['video_status'];
        if ($videoStatus == 2) {
            return 'finished';
        }
        return $videoStatus == 4 ? 'failed' : 'pending';
    }
}
