<?php
// Sign in on AKOOL's website and list voices, through one base.
$akoolRoot = "https://api.akool.com";

function akool_login($root, $email, $password) {
    $ch = curl_init($root . "/api/v1/public/login");
    curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(["email" => $email, "password" => $password]));
    return curl_exec($ch);
}

$login = curl_init($akoolRoot . "/api/v1/public/login");
$voices = curl_init($akoolRoot . "/api/open/v3/voice/list");
curl_setopt($voices, CURLOPT_HTTPHEADER, ["x-api-key: " . getenv("AKOOL_API_KEY")]);
