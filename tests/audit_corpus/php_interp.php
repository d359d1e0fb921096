<?php

class Talking
{
    private $endpoint = 'https://open.akool.com/api/open/v3';

    public function create(string $photo, string $audio): string
    {
        return "{$this->endpoint}/content/video/createbytalkingphoto";
    }

    public function info(string $id): string
    {
        return "{$this->endpoint}/content/video/infobymodelid?video_model_id={$id}";
    }
}
