require "net/http"
require "json"
class C
  BASE = "https://openapi.akool.com/api/open/v3"
  def video(id)
    request(:get, "/content/video/infobymodelid", { video_model_id: id })
  end
  private
  def request(method, path, body = nil)
    uri = URI(BASE + path)
    req = method == :post ? Net::HTTP::Post.new(uri) : Net::HTTP::Get.new(uri)
    req.body = body.to_json if body
    Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |h| h.request(req) }
  end
end

class D < C
  def talk(photo, audio)
    request(:post, "/content/video/createbytalkingphoto", { talking_photo_url: photo, audio_url: audio })
  end
end
