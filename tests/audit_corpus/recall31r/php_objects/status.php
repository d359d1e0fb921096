<?php
final class AkoolStatus
{
    private const BASE = 'https://openapi.akool.com/api/open/v3';

    public function __construct(private string $key)
    {
    }

    public function fetch(string $id): ?string
    {
        $ch = curl_init(self::BASE . '/content/video/infobymodelid?video_model_id=' . urlencode($id));
        curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_HTTPHEADER => ['x-api-key: ' . $this->key]]);
        $result = json_decode(curl_exec($ch));
        if ($result->code !== 1000) {
            throw new RuntimeException($result->msg);
        }
        if ($result->data->video_status === 3) {
            return $result->data->video_url;
        }
        if ($result->data->video_status == 5) {
            throw new RuntimeException('failed');
        }
        return null;
    }
}
