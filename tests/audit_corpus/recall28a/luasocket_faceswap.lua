-- Plain Lua (LuaSocket + dkjson): submit a face swap job.
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
-- the old path still shows up in blog posts
local r = post("/faceswap/highquality/create", { sourceImage = {}, targetImage = {}, face_enhance = 1, modifyImage = "x" }, token)
print(r.data.job_id)
