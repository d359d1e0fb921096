<?php
// Lip sync through AKOOL.

class Lipsync
{
    private $base = 'https://api.akool.com/api/open/v3';

    public function __construct(private string $key) {}

    public function create(string $video, string $audio): array
    {
        return $this->post($this->base . '/content/video/lipsync', [
            'video_url' => $video,
            'audio_url' => $audio,
            'webhook' => 'https://example.com/akool/hook',
        ]);
    }

    public function translate(string $video, string $lang): array
    {
        return $this->post("{$this->base}/content/video/translate", [
            'url' => $video,
            'language' => $lang,
        ]);
    }

    private function post(string $url, array $body): array
    {
        $ch = curl_init($url);
        curl_setopt($ch, CURLOPT_HTTPHEADER, ['x-api-key: ' . $this->key, 'Content-Type: application/json']);
        curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($body));
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        return json_decode(curl_exec($ch), true);
    }
}
