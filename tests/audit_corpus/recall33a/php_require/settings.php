<?php
// app settings (plain PHP config returning an array)
return [
    'akool_base' => getenv('AKOOL_BASE') ?: 'https://openapi.akool.com/api/open/v3',
    'akool_key' => getenv('AKOOL_KEY'),
];
