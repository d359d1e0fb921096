<?php
const TALK_URL = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto";
const INFO_URL = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid";
$cache = [];
$cache[TALK_URL] = 1;
$col = collect([]);
$col->put(TALK_URL, 2);
$col->get(TALK_URL);
$store = new \Illuminate\Support\Collection();
$store->put(INFO_URL, 1);
$store->forget(INFO_URL);
$res = $client->get(INFO_URL . "?video_model_id=1");
