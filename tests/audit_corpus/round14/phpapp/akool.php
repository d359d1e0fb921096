<?php
// AKOOL helpers for the WordPress plugin.
const AKOOL_API_BASE = 'https://openapi.akool.com/api/open';

function akool_get($path, $params = [])
{
    $url = AKOOL_API_BASE . $path . '?' . http_build_query($params);
    $ch = curl_init($url);
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    curl_setopt($ch, CURLOPT_HTTPHEADER, ['x-api-key: ' . getenv('AKOOL_API_KEY')]);
    $raw = curl_exec($ch);
    curl_close($ch);
    return json_decode($raw, true);
}

function akool_list_voices($type = 2)
{
    $ch = curl_init(AKOOL_API_BASE . '/v4/voice/list?type=' . $type . '&page=1&size=100');
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    curl_setopt($ch, CURLOPT_HTTPHEADER, ['x-api-key: ' . getenv('AKOOL_API_KEY')]);
    $raw = curl_exec($ch);
    curl_close($ch);
    return json_decode($raw, true);
}
