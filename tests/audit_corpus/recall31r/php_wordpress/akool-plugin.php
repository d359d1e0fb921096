<?php
/**
 * Plugin Name: Akool Talking Photo
 */

define('AKOOL_API_BASE', 'https://openapi.akool.com/api/open/v3');

function akool_talk() {
    wp_remote_post(AKOOL_API_BASE . '/content/video/createbytalkingphoto', array(
        'headers' => array('x-api-key' => get_option('akool_key'), 'Content-Type' => 'application/json'),
        'body'    => wp_json_encode(array('talking_photo_url' => 'https://x/a.png', 'audio_url' => 'https://x/a.mp3', 'resolution' => '720p')),
    ));
}

function akool_talk_held() {
    $args = array(
        'talking_photo_url' => 'https://x/a.png',
    );
    wp_remote_post(AKOOL_API_BASE . '/content/video/createbytalkingphoto', array(
        'headers' => array('x-api-key' => get_option('akool_key'), 'Content-Type' => 'application/json'),
        'body'    => wp_json_encode($args),
    ));
}

function akool_status($id) {
    $response = wp_remote_get(add_query_arg(array('id' => $id), AKOOL_API_BASE . '/content/video/infobymodelid'), array(
        'headers' => array('x-api-key' => get_option('akool_key')),
    ));
    $data = json_decode(wp_remote_retrieve_body($response));
    echo $data->data->url;
    if ($data->data->video_status == 5) {
        return true;
    }
    if ($data->code == 200) {
        return false;
    }
    return null;
}

function akool_retired() {
    wp_remote_post(AKOOL_API_BASE . '/content/video/createbytalkingphoto2', array('body' => wp_json_encode(array('talking_photo_url' => 'https://x/a.png', 'audio_url' => 'https://x/a.mp3'))));
}
