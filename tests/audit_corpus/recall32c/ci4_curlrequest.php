<?php

namespace App\Libraries;

// A CodeIgniter 4 library: its HTTP client is the curlrequest service given AKOOL's base.
class Akool
{
    private $client;

    public function __construct()
    {
        $this->client = service('curlrequest', [
            'baseURI' => 'https://openapi.akool.com/api/open/v3/',
            'headers' => ['x-api-key' => env('AKOOL_API_KEY')],
        ]);
    }

    public function info(string $id)
    {
        $res = $this->client->get('content/video/infobymodelid', ['query' => ['video_id' => $id]]);
        return json_decode($res->getBody(), true)['data'];
    }

    public function create(string $photo, string $audio)
    {
        return $this->client->post('content/video/createbytalkingphotos', [
            'json' => ['talking_photo_url' => $photo, 'audio_url' => $audio],
        ]);
    }
}
