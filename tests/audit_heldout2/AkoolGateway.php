<?php

namespace App\Services;

use GuzzleHttp\Client;
use GuzzleHttp\HandlerStack;
use GuzzleHttp\Middleware;

/**
 * Talking photos and face swaps through AKOOL (https://docs.akool.com).
 */
class AkoolGateway
{
    private Client $client;

    public function __construct(string $apiKey)
    {
        $stack = HandlerStack::create();
        $stack->push(Middleware::retry(fn ($retries, $req, $res) => $retries < 3 && $res && $res->getStatusCode() >= 500));
        $this->client = new Client([
            'base_uri' => 'https://openapi.akool.com/api/open/v3/',
            'handler' => $stack,
            'timeout' => 30,
            'headers' => ['x-api-key' => $apiKey],
        ]);
    }

    public function talkingPhoto(string $photo, string $audio): string
    {
        $res = $this->client->post('content/video/createbytalkingphoto', [
            'json' => [
                'talking_photo_url' => $photo,
                'audio_url' => $audio,
                'resolution' => '4k',
            ],
        ]);
        return json_decode((string) $res->getBody(), true)['data']['_id'];
    }

    public function status(string $id): array
    {
        $res = $this->client->get('content/video/infobymodelid', ['query' => ['video_model_id' => $id]]);
        return json_decode((string) $res->getBody(), true)['data'];
    }

    public function swap(string $source, string $target, string $image, string $callback): string
    {
        $res = $this->client->post('faceswap/highquality/specifyimage', [
            'json' => [
                'sourceImage' => [['path' => $source, 'opts' => '']],
                'targetImage' => [['path' => $target, 'opts' => '']],
                'modifyImage' => $image,
                'face_enhance' => 1,
                'webhook' => $callback,
            ],
        ]);
        return json_decode((string) $res->getBody(), true)['data']['_id'];
    }
}
