<?php
// Laravel-less PHP client with a private post() wrapper
class AkoolApi
{
    private $baseUrl = 'https://openapi.akool.com/api/open/v3';
    private $key;

    public function __construct(string $key) { $this->key = $key; }

    private function post(string $path, array $data)
    {
        $ch = curl_init("{$this->baseUrl}{$path}");
        curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($data));
        curl_setopt($ch, CURLOPT_HTTPHEADER, ["x-api-key: {$this->key}", 'Content-Type: application/json']);
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        $out = curl_exec($ch);
        curl_close($ch);
        return json_decode($out, true);
    }

    public function image(string $prompt)
    {
        return $this->post('/content/image/createbyprompt', ['prompt' => $prompt, 'size' => '1:1']);
    }

    public function swap(string $src, string $dst)
    {
        return $this->post('/faceswap/highquality/specifyimage', ['sourceImage' => [['path' => $src]], 'targetImage' => [['path' => $dst]], 'modifyImage' => $dst]);
    }
}
