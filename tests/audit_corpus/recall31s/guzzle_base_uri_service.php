<?php
require 'vendor/autoload.php';

final class AvatarVideoService
{
    private \GuzzleHttp\Client $http;

    public function __construct(string $apiKey)
    {
        $this->http = new \GuzzleHttp\Client([
            'base_uri' => 'https://openapi.akool.com/api/open/v3/',
            'headers' => ['x-api-key' => $apiKey],
        ]);
    }

    public function state(string $modelId): string
    {
        $res = $this->http->get('content/video/infobymodelid', ['query' => ['video_model_id' => $modelId]]);
        $json = json_decode($res->getBody()->getContents(), true);
        return match ($json['data']['video_status']) {
            1, 2 => 'running',
            3 => 'done',
            5 => 'expired',
            default => 'failed',
        };
    }
}
