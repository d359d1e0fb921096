<?php
class CouponApi
{
    private $apiBase;

    public function __construct($config)
    {
        $this->apiBase = $config['api_base'];
    }

    public function coupons($page)
    {
        return file_get_contents($this->apiBase . "/api/open/v3/coupon/list?page=" . $page);
    }
}
