-- OpenResty handler that turns a portrait and a voice track into a talking video via AKOOL.
local http = require "resty.http"
local cjson = require "cjson.safe"

local AKOOL_BASE = "https://openapi.akool.com/api/open/v3"

local _M = {}

function _M.create_talking_photo(token, photo_url, audio_url)
    local httpc = http.new()
    local res, err = httpc:request_uri(AKOOL_BASE .. "/content/video/createbytalkingphoto", {
        method = "POST",
        body = cjson.encode({
            talking_photo_url = photo_url,
            audio_url = audio_url,
            resolution = "720p",
        }),
        headers = {
            ["Content-Type"] = "application/json",
            ["Authorization"] = "Bearer " .. token,
        },
    })
    if not res then
        return nil, err
    end
    local body = cjson.decode(res.body)
    return body.data.task_id
end

function _M.video_status(token, id)
    local httpc = http.new()
    local res = httpc:request_uri(AKOOL_BASE .. "/content/video/status/" .. id, {
        method = "GET",
        headers = { ["Authorization"] = "Bearer " .. token },
    })
    return cjson.decode(res.body)
end

return _M
