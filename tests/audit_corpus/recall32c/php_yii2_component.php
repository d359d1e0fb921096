<?php
namespace app\components;

use GuzzleHttp\Client as Guzzle;
use yii\base\Component;
use yii\httpclient\Client;

// A Yii2 component: yii2-httpclient for videos, Guzzle (its base a constructor default) for voices.
class Akool extends Component
{
    public $baseUrl = 'https://openapi.akool.com/api/open/v3';
    public $apiKey;
    private $voices;

    public function __construct(string $voiceBase = 'https://openapi.akool.com/api/open/v4/', $config = [])
    {
        $this->voices = new Guzzle(['base_uri' => $voiceBase, 'headers' => ['x-api-key' => getenv('AKOOL_API_KEY')]]);
        parent::__construct($config);
    }

    public function avatarVideo(string $avatarId, string $audioUrl)
    {
        $client = new Client(['baseUrl' => $this->baseUrl]);
        $resp = $client->post('avatar/createVideoo', json_encode([
            'avatar_id' => $avatarId,
            'audio_url' => $audioUrl,
        ]), ['x-api-key' => $this->apiKey, 'Content-Type' => 'application/json'])->send();
        return $resp->data['data']['_id'];
    }

    public function speak(string $text, string $voiceId)
    {
        return $this->voices->post('voice/ttss', ['json' => ['input_text' => $text, 'voice_id' => $voiceId]]);
    }
}
