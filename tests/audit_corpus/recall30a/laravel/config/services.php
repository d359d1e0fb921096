<?php

return [
    'akool' => [
        'url' => env('AKOOL_URL', 'https://openapi.akool.com/api/open/v3'),
        'key' => env('AKOOL_API_KEY'),
    ],
];
