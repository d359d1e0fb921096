<?php
class ApiConst {
    const BASE = "https://openapi.akool.com";
    const TALK = "/api/open/v3/content/video/createbytalkingphoto";
    const INFO = "/api/open/v3/content/video/infobymodelid";
}
