import Foundation

struct RenderEnvelope: Decodable {
    let code: Int
    let msg: String?
    let data: RenderInfo?
}

struct RenderInfo: Decodable {
    let videoStatus: Int
    let video: String?
    enum CodingKeys: String, CodingKey { case videoStatus = "video_status", video }
}

func renderedVideo(_ id: String, key: String) async throws -> String? {
    var req = URLRequest(url: URL(string: "https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=\(id)")!)
    req.setValue(key, forHTTPHeaderField: "x-api-key")
    let (body, _) = try await URLSession.shared.data(for: req)
    let env = try JSONDecoder().decode(RenderEnvelope.self, from: body)
    guard env.code == 1000, let info = env.data else { return nil }
    if info.videoStatus == 2 { return info.video }
    return nil
}
