<?php
class Akool {
    private $base = 'https://openapi.akool.com/api/open/v3';
    public function create() {
        $url = $this->base . '/content/video/createbytalkingphoto';
        return $this->client->post($url, ['json' => ['talking_photo_url' => 'a', 'audio_url' => 'b']]);
    }
    public function download($url) {
        return $this->client->get($url);
    }
}
