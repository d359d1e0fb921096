<?php
// Poll an image and a video with Guzzle (written for the audit's corpus).
$base = "https://openapi.akool.com/api/open/v3";
$res = $client->get($base . "/content/video/infobymodelid?video_model_id=" . $id);
$json = json_decode($res->getBody(), true);
echo $json['data']['video_url'];
$img = $client->get($base . "/content/image/infobymodelid?image_model_id=" . $imageId);
$obj = json_decode($img->getBody());
echo $obj->data->image_status;
echo $obj->data->status;
