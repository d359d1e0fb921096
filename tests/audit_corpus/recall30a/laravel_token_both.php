<?php

namespace App\Services;

use Illuminate\Support\Facades\Http;

class AkoolImages
{
    public function create(string $token, string $prompt): array
    {
        return Http::withToken($token)
            ->withHeaders(['x-api-key' => env('AKOOL_API_KEY')])
            ->post('https://openapi.akool.com/api/open/v3/content/image/createbyprompt', ['prompt' => $prompt, 'scale' => '1:1'])
            ->json();
    }

    public function credit(string $token): array
    {
        return Http::withToken($token)->get('https://openapi.akool.com/api/open/v3/faceswap/quota/info')->json();
    }
}
