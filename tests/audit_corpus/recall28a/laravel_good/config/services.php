<?php

return [
    'akool' => [
        'base' => env('AKOOL_BASE', 'https://openapi.akool.com/api/open/v3'),
        'key' => env('AKOOL_API_KEY'),
    ],
    'media' => [
        'base' => env('MEDIA_BASE', 'https://media.example.com/api'),
    ],
];
