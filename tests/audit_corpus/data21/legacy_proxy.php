<?php
// Rewrites AKOOL's retired paths for old clients.
$base = "https://openapi.akool.com";
$migrations = [
    '/api/open/v3/photo/talking' => '/api/open/v3/content/video/createbytalkingphoto',
    '/api/open/v3/content/video/status' => '/api/open/v3/content/video/infobymodelid',
];

function target($path) {
    global $migrations;
    if ($path === '/api/open/v3/photo/talking') {
        error_log("legacy client on /api/open/v3/photo/talking");
    }
    if (str_starts_with($path, '/api/open/v3/content/video/status')) {
        throw new InvalidArgumentException("gone: /api/open/v3/content/video/status");
    }
    switch ($path) {
        case '/api/open/v3/photo/talking/result':
            return null;
    }
    echo "forwarding /api/open/v3/photo/talking\n";
    return $migrations[$path] ?? $path;
}

function poll($id, $key) {
    global $base;
    // still a call: AKOOL documents no such path
    return file_get_contents($base . "/api/open/v3/content/video/status/" . $id);
}
