module AkoolApi
  BASE_URL = "https://openapi.akool.com/api/open/v3".freeze
  KEY = ENV.fetch("AKOOL_API_KEY", "")
end
