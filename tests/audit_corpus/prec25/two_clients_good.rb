require "faraday"
# An AKOOL client and a storage client side by side.
class AkoolAndStore
  def initialize(key)
    @v3 = Faraday.new(url: "https://openapi.akool.com/api/open/v3/", headers: { "x-api-key" => key })
    @v4 = Faraday.new(url: "https://openapi.akool.com/api/open/v4/", headers: { "x-api-key" => key })
    @store = Faraday.new(url: "https://storage.example.com/")
  end
  def info(id) = @v3.get("content/video/infobymodelid", video_model_id: id)
  def voices = @v4.get("voice/list", type: 1)
  def files = @store.get("files/list")
end
