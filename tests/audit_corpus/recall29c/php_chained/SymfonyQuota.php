<?php

namespace App\Service;

use Symfony\Contracts\HttpClient\HttpClientInterface;

final class SymfonyQuota
{
    private const BASE = 'https://openapi.akool.com/api/open/v3';

    public function __construct(private HttpClientInterface $http, private string $apiKey)
    {
    }

    public function remaining(): float
    {
        $r = $this->http->request('GET', self::BASE . '/faceswap/quota/info', ['headers' => ['x-api-key' => $this->apiKey]]);
        return $r->toArray()['data']['credits'];
    }

    public function held(): float
    {
        $r = $this->http->request('GET', self::BASE . '/faceswap/quota/info', ['headers' => ['x-api-key' => $this->apiKey]]);
        $data = $r->toArray()['data'];
        return $data['quota'];
    }
}
