<?php
class AkoolClient {
    private $base;
    public function __construct() {
        $this->base = 'https://openapi.akool.com';
    }
    public function avatars() {
        return file_get_contents("{$this->base}/avatars");
    }
    public function token() {
        return file_get_contents($this->base . '/getToken');
    }
}
