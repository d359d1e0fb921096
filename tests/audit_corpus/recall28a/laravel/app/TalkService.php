<?php

namespace App\Services;

use Illuminate\Support\Facades\Http;

class TalkService
{
    public function create(string $photo, string $audio): string
    {
        return Http::withHeaders(['x-api-key' => config('services.akool.key')])
            ->post(config('services.akool.base') . '/content/video/createbytalkingphoto', [
                'talking_photo_url' => $photo,
                'audio_url' => $audio,
                'resolution' => '4k',
            ])->json('data._id');
    }
}
