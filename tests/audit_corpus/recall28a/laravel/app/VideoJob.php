<?php

namespace App\Jobs;

use Illuminate\Support\Facades\Http;

class VideoJob
{
    public function poll(string $id): ?string
    {
        $res = Http::baseUrl(config('services.akool.base'))
            ->withHeaders(['x-api-key' => config('services.akool.key')])
            ->get('/content/video/status/' . $id)
            ->json();
        return $res['data']['video'] ?? null;
    }
}
