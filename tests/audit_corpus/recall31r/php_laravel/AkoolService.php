<?php

namespace App\Services;

use Illuminate\Support\Facades\Http;

class AkoolService
{
    private string $base = 'https://openapi.akool.com/api/open/v3';

    public function talk(): void
    {
        Http::withHeaders(['x-api-key' => config('services.akool.key')])
            ->post($this->base . '/content/video/createbytalkingphoto', ['talking_photo_url' => 'https://x/a.png', 'audio_url' => 'https://x/a.mp3', 'resolution' => '720p']);
    }

    public function talkHeld(): void
    {
        $payload = [
            'talking_photo_url' => 'https://x/a.png',
        ];
        Http::withHeaders(['x-api-key' => config('services.akool.key')])->post($this->base . '/content/video/createbytalkingphoto', $payload);
    }

    public function status(string $id): ?string
    {
        $response = Http::withHeaders(['x-api-key' => config('services.akool.key')])
            ->get($this->base . '/content/video/infobymodelid', ['id' => $id]);
        $url = $response->json('data.url');
        if ($response->json('data.video_status') === 5) {
            return $url;
        }
        if ($response->json('code') !== 200) {
            return null;
        }
        return $url;
    }

    public function retired(): void
    {
        Http::withHeaders(['x-api-key' => config('services.akool.key')])->post($this->base . '/content/video/createbytalkingphoto2', ['talking_photo_url' => 'https://x/a.png', 'audio_url' => 'https://x/a.mp3']);
    }
}
