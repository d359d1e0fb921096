import Foundation

struct GoodRenderEnvelope: Decodable {
    let code: Int
    let msg: String?
    let data: GoodRenderInfo?
}

struct GoodRenderInfo: Decodable {
    let videoStatus: Int
    let video: String?
    enum CodingKeys: String, CodingKey { case videoStatus = "video_status", video }
}

func renderedVideoGood(_ id: String, key: String) async throws -> String? {
    var req = URLRequest(url: URL(string: "https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=\(id)")!)
    req.setValue(key, forHTTPHeaderField: "x-api-key")
    let (body, _) = try await URLSession.shared.data(for: req)
    let env = try JSONDecoder().decode(GoodRenderEnvelope.self, from: body)
    guard env.code == 1000, let info = env.data else { return nil }
    if info.videoStatus == 3 { return info.video }
    return nil
}
