<?php
use Illuminate\Support\Facades\Route;
use Illuminate\Support\Facades\Http;

Route::post(
    '/api/open/v3/photo/talking',
    fn () => Http::withHeaders(['x-api-key' => env('AKOOL_API_KEY')])
        ->post('https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto', request()->all())
        ->json()
);
