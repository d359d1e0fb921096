require "faraday"
class AkoolWrong
  def initialize(key)
    @v3 = Faraday.new(url: "https://openapi.akool.com/api/open/v3/", headers: { "x-api-key" => key })
    @v4 = Faraday.new(url: "https://openapi.akool.com/api/open/v4/", headers: { "x-api-key" => key })
  end
  def info(id) = @v4.get("content/video/infobymodelid", video_model_id: id)
end
