<?php
require 'vendor/autoload.php';

use Symfony\Component\HttpClient\HttpClient;

$client = HttpClient::create();
$response = $client->request('GET', 'https://openapi.akool.com/api/open/v3/language/list', [
    'headers' => ['x-api-key' => $_ENV['AKOOL_API_KEY'] ?? getenv('AKOOL_API_KEY')],
]);
$data = $response->toArray();
foreach ($data['data']['lang_list'] as $lang) {
    printf("%-8s %s\n", $lang['code'], $lang['lang_name']);
}
