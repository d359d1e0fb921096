<?php

final class AkoolKnowledge
{
    public function __construct(
        private \GuzzleHttp\Client $http,
        private string $base = 'https://openapi.akool.com/api/open/v3'
    ) {
    }

    public function create(string $name): array
    {
        $res = $this->http->post($this->base . '/knowledge/create', ['json' => ['name' => $name]]);
        return json_decode((string) $res->getBody(), true);
    }

    public function languages(): array
    {
        $res = $this->http->get($this->base . '/language/list');
        return json_decode((string) $res->getBody(), true);
    }
}
