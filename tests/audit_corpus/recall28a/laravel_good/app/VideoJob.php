<?php

namespace App\Jobs;

use Illuminate\Support\Facades\Http;

class VideoJob
{
    public function poll(string $id): ?string
    {
        $res = Http::baseUrl(config('services.akool.base'))
            ->withHeaders(['x-api-key' => config('services.akool.key')])
            ->get('/content/video/infobymodelid', ['video_model_id' => $id])
            ->json();
        return $res['data']['video'] ?? null;
    }

    public function mirror(string $id): void
    {
        Http::post(config('services.media.base') . '/content/video/status', ['id' => $id]);
    }
}
