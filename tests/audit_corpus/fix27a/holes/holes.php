<?php
function swap(string $kind, array $body) {
    return Http::post("https://openapi.akool.com/api/open/v3/faceswap/highquality/specify{$kind}", $body);
}
