<?php
$client = new GuzzleHttp\Client(['base_uri' => 'https://openapi.akool.com']);
$headers = ['x-api-key' => getenv('AKOOL_API_KEY')];

$client->post('/api/open/v4/knowledge/create', [
    'headers' => $headers,
    'json' => ['name' => 'FAQ', 'docs' => ['https://example.com/faq.pdf']],
]);

$client->post('/api/open/v4/voice/tts', [
    'headers' => $headers,
    'json' => ['input_text' => 'Hello', 'voice_id' => $argv[1], 'voice_options' => 'fast'],
]);

$client->post('/api/open/v4/voice/del', [
    'headers' => $headers,
    'json' => ['_ids' => implode(',', array_slice($argv, 2))],
]);
