<?php
class Paths {
    const TALK = '/content/video/createbytalkingphoto';
    const STATUS = '/content/video/status';
}
class Akool {
    private $base = 'https://openapi.akool.com/api/open/v3';
    private function post($path, $body) {
        return Http::withHeaders(['x-api-key' => $this->key])->post($this->base . $path, $body);
    }
    public function talk() { return $this->post(Paths::TALK, ['talking_photo_url' => 'a', 'audio_url' => 'b', 'resolution' => '720p']); }
    public function status() { return $this->post(Paths::STATUS, []); }
}
