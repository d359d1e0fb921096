import Foundation

enum AkoolGood {
    static let base = URL(string: "https://openapi.akool.com/api/open/v3")!
}

func goodInfo(id: String) -> URL {
    AkoolGood.base.appending(path: "content/video/infobymodelid")
}

func goodQuota() -> URL {
    var c = URLComponents()
    c.scheme = "https"
    c.host = "openapi.akool.com"
    c.path = "/api/open/v3/faceswap/quota/info"
    return c.url!
}

func goodLipsync(key: String) throws -> URLRequest {
    var req = URLRequest(url: AkoolGood.base.appendingPathComponent("content/video/lipsync"))
    req.httpMethod = "POST"
    let body: [String: Any] = ["video_url": "v", "audio_url": "a", "webhookUrl": "w"]
    req.httpBody = try JSONSerialization.data(withJSONObject: body)
    return req
}
