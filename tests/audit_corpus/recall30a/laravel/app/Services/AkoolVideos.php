<?php

namespace App\Services;

use Illuminate\Support\Facades\Http;

class AkoolVideos
{
    public function talk(string $photo, string $audio): ?string
    {
        $resp = Http::acceptJson()
            ->withHeaders(['x-api-key' => config('services.akool.key')])
            ->baseUrl(config('services.akool.url'))
            ->post('/content/video/createbytalkingphoto', [
                'talking_photo_url' => $photo,
                'audio_url' => $audio,
                'resolution' => '4k',
            ]);

        return $resp->json('data._id');
    }
}
