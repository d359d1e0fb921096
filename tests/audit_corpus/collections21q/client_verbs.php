<?php
const TALK_URL = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto";
$col = collect([]);
$col->put(TALK_URL, 1);
Cache::put(TALK_URL, 1, 60);
$res = Http::get(TALK_URL);
$res2 = $client->put(TALK_URL, ['json' => []]);
