<?php
// voices through Laravel's Http facade and a Guzzle client
use Illuminate\Support\Facades\Http;

function voices(string $key): array {
    return Http::withHeaders(['x-api-key' => $key])->get('https://openapi.akool.com/api/open/v4/voice/list', ['page' => 1, 'size' => 50])->json();
}

function voices_guzzle(string $key): string {
    $c = new \GuzzleHttp\Client(['timeout' => 10]);
    $r = $c->get('https://openapi.akool.com/api/open/v4/voice/list', ['query' => ['type' => 1, 'page' => 1], 'headers' => ['x-api-key' => $key]]);
    return (string) $r->getBody();
}
