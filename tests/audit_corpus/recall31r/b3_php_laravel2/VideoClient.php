<?php

namespace App\Services;

use Illuminate\Support\Facades\Http;

class VideoClient
{
    public function createVideo(string $photo): ?string
    {
        $response = Http::acceptJson()
            ->withToken(config('services.akool.token'))
            ->baseUrl('https://openapi.akool.com/api/open/v3')
            ->post('/content/video/createbytalkingphoto', [
                'talking_photo_url' => $photo,
                'resolution' => '1080',
            ]);

        return $response->object()->data->video_id;
    }

    public function poll(string $id): bool
    {
        $data = Http::withToken(config('services.akool.token'))
            ->get('https://openapi.akool.com/api/open/v3/content/video/infobymodelid', ['videoModelId' => $id])
            ->json();

        return $data['data']['video_status'] === 'completed';
    }
}
