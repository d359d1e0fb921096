<?php

use Illuminate\Support\Facades\Http;

class AkoolImages
{
    public function generate(string $prompt): string
    {
        $base = config('services.akool.base', 'https://openapi.akool.com/api/open/v3');
        $res = Http::withHeaders(['x-api-key' => env('AKOOL_API_KEY')])
            ->baseUrl($base)
            ->post('/content/image/createbyprompt', ['prompt' => $prompt, 'size' => '1:1']);
        return $res->json('data.task_id');
    }
}
