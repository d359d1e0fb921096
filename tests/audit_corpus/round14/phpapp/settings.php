<?php
require_once __DIR__ . '/akool.php';

function akool_voice_select()
{
    $voices = akool_list_voices();
    $out = '';
    foreach ($voices['data'] as $voice) {
        $out .= '<option>' . $voice['voice_id'] . '</option>';
    }
    return $out;
}

function akool_default_voice()
{
    $voices = akool_list_voices(1);
    return $voices['data']['voice_id'];
}

function akool_clone_voices()
{
    return akool_get('/v4/voice/list', ['page' => 1, 'size' => 20]);
}

function akool_german_voices()
{
    return akool_get('/v4/voice/list', ['type' => 2, 'language' => 'de']);
}

// Right: as the docs give them.
function akool_voice_select_right()
{
    $voices = akool_list_voices();
    $out = '';
    foreach ($voices['data']['result'] as $voice) {
        $out .= '<option>' . $voice['voice_id'] . '</option>';
    }
    return $out;
}

function akool_clone_voices_right()
{
    return akool_get('/v4/voice/list', ['type' => 1, 'page' => 1]);
}
