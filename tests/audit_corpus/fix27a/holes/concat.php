<?php
function create(string $mode, array $body) {
    return Http::post("https://openapi.akool.com/api/open/v3/content/video/createby" . $mode, $body);
}
