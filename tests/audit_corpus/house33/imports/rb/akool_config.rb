module AkoolConfig
  BASE_URL = "https://openapi.akool.com/api/open/v3"
end
