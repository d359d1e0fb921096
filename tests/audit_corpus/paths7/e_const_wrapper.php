<?php
const LIPSYNC_PATH = '/content/video/lipsync';
const LIPSYNC_STATUS = '/content/video/lipsync/status';

class Akool {
    private $base = 'https://openapi.akool.com/api/open/v3';

    private function request($path, array $body) {
        $ch = curl_init($this->base . $path);
        curl_setopt($ch, CURLOPT_POST, true);
        curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($body));
        return curl_exec($ch);
    }

    public function lipsync($video, $audio) {
        return $this->request(LIPSYNC_PATH, ['video_url' => $video, 'audio_url' => $audio, 'webhook_url' => '']);
    }

    public function status($id) {
        return $this->request(LIPSYNC_STATUS, ['id' => $id]);
    }
}
