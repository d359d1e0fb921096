<?php
require_once 'Akool.php';

$akool = new Akool();
$mine = $akool->get('v4/voice/list', ['page' => 1]);
$english = $akool->get('v4/voice/list', ['type' => 2, 'lang' => 'en']);
// Right: as the docs give them.
$ok = $akool->get('v4/voice/list', ['type' => 2, 'page' => 1]);
