-- Plain Lua (LuaSocket + dkjson): submit a face swap job; a long comment follows.
--[[
  The old create endpoint was retired; this file posts to the documented one.
  Images go as lists of { path = ..., opts = ... } entries.
]]
local http = require("socket.http")
local ltn12 = require("ltn12")
local json = require("dkjson")

local host = "https://openapi.akool.com"
local api = host .. "/api/open/v3"

local function post(path, payload, token)
    local out = {}
    local body = json.encode(payload)
    local ok, code = http.request{
        url = api .. path,
        method = "POST",
        headers = {
            ["content-type"] = "application/json",
            ["content-length"] = tostring(#body),
            ["authorization"] = "Bearer " .. token,
        },
        source = ltn12.source.string(body),
        sink = ltn12.sink.table(out),
    }
    return json.decode(table.concat(out)), code
end

local token = os.getenv("AKOOL_TOKEN")
local note = [[POST /faceswap/highquality/create was retired]]
if token ~= nil then
    local r = post("/faceswap/highquality/specifyimage", {
        sourceImage = { { path = "https://example.com/a.jpg", opts = "1,2,3,4" } },
        targetImage = { { path = "https://example.com/b.jpg", opts = "1,2,3,4" } },
        face_enhance = 1,
        modifyImage = "https://example.com/c.jpg",
    }, token)
    print(r.data._id)
end
