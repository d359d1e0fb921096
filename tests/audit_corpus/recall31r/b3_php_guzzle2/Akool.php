<?php
namespace App;

use GuzzleHttp\Client;

final class Akool
{
    private Client $http;

    public function __construct(string $key, string $base = 'https://openapi.akool.com/api/open/v3/')
    {
        $this->http = new Client(['base_uri' => $base, 'headers' => ['x-api-key' => $key]]);
    }

    public function talk(string $photo): string
    {
        $response = $this->http->request('POST', 'content/video/createbytalkingphoto', [
            'json' => ['talking_photo_url' => $photo, 'audio_url' => 'https://x/a.mp3', 'resolution' => '4k'],
        ]);
        $json = json_decode((string) $response->getBody());
        return $json->data->id;
    }

    public function status(string $id): int
    {
        $response = $this->http->postAsync('content/video/infobymodelid', ['query' => ['video_model_id' => $id]])->wait();
        $json = json_decode((string) $response->getBody(), true);
        if ($json['code'] != 1000) {
            throw new \RuntimeException($json['msg']);
        }
        return $json['data']['video_status'];
    }
}
