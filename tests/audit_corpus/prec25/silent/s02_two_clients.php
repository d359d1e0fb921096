<?php
use GuzzleHttp\Client;
class Akool {
    private Client $v3;
    private Client $v4;
    public function __construct(string $key) {
        $this->v3 = new Client(['base_uri' => 'https://openapi.akool.com/api/open/v3/', 'headers' => ['x-api-key' => $key]]);
        $this->v4 = new Client(['base_uri' => 'https://openapi.akool.com/api/open/v4/', 'headers' => ['x-api-key' => $key]]);
    }
    public function faces() { return $this->v3->get('faceswap/result/listbyids', ['query' => ['_ids' => 'a']]); }
    public function voices() { return $this->v4->get('voice/list', ['query' => ['type' => 1]]); }
}
