<?php

namespace App\Services;

use Illuminate\Support\Facades\Http;

class AkoolService
{
    public function create(string $photo)
    {
        $r = Http::acceptJson()->baseUrl('https://openapi.akool.com/api/open/v3')->post('/content/video/createbytalkingphoto', ['talking_photo_url' => $photo, 'audio_url' => 'a']);
        return $r->json();
    }
}
