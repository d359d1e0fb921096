<?php
class Akool
{
    private $client;
    public function __construct()
    {
        $this->client = new \GuzzleHttp\Client(['base_uri' => 'https://openapi.akool.com/api/open/']);
    }
    public function get($path, $params = [])
    {
        $res = $this->client->get($path, ['query' => $params]);
        return json_decode($res->getBody(), true);
    }
}
