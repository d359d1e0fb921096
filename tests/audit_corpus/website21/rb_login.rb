require "net/http"
require "json"

AKOOL_ROOT = "https://api.akool.com"

def akool_login(email, password)
  Net::HTTP.post(URI("#{AKOOL_ROOT}/api/v1/public/login"), { email: email, password: password }.to_json)
end

def akool_avatars(key)
  Net::HTTP.get(URI("#{AKOOL_ROOT}/api/open/v3/avatar/list"), { "x-api-key" => key })
end
