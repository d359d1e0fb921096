<?php

namespace App\Services;

use Illuminate\Support\Facades\Http;

class LaravelQuota
{
    public function balance(): float
    {
        $r = Http::withHeaders(['x-api-key' => config('services.akool.key')])
            ->get('https://openapi.akool.com/api/open/v3/faceswap/quota/info');
        return $r->json()['data']['balance'];
    }

    public function left(): float
    {
        $r = Http::withHeaders(['x-api-key' => config('services.akool.key')])
            ->get('https://openapi.akool.com/api/open/v3/faceswap/quota/info');
        $data = $r->json()['data'];
        return $data['credits_left'];
    }

    public function remaining(): float
    {
        $r = Http::withHeaders(['x-api-key' => config('services.akool.key')])
            ->get('https://openapi.akool.com/api/open/v3/faceswap/quota/info');
        return $r->object()->data->remaining;
    }
}
