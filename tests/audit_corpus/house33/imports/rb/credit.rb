require "net/http"
require_relative "akool_config"

uri = URI(AkoolConfig::BASE_URL + "/faceswap/quota/infos")
puts Net::HTTP.get(uri)
