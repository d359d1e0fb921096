<?php
$r = Http::baseUrl('https://openapi.akool.com/api/open/v3')->withToken($t)->get('/content/video/infobymodelid', ['video_model_id' => $id]);
