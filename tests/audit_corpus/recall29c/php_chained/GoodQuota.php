<?php

namespace App\Services;

use Illuminate\Support\Facades\Http;
use Symfony\Contracts\HttpClient\HttpClientInterface;

final class GoodQuota
{
    private const BASE = 'https://openapi.akool.com/api/open/v3';

    public function __construct(private HttpClientInterface $http, private string $key)
    {
    }

    public function symfony(): float
    {
        $r = $this->http->request('GET', self::BASE . '/faceswap/quota/info', ['headers' => ['x-api-key' => $this->key]]);
        return $r->toArray()['data']['credit'];
    }

    public function laravel(): float
    {
        $r = Http::withHeaders(['x-api-key' => $this->key])->get(self::BASE . '/faceswap/quota/info');
        $data = $r->json()['data'];
        return $r->object()->data->credit + $data['credit'];
    }
}
