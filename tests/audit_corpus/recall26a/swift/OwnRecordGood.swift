import Foundation

// The app's own saved job (its states: 0 new, 5 published), decoded from its own store.
struct SavedJob: Codable {
    let id: String
    let videoStatus: Int
}

struct Remote: Decodable {
    let code: Int
    let data: RemoteInfo
}

struct RemoteInfo: Decodable {
    let videoStatus: Int
    enum CodingKeys: String, CodingKey { case videoStatus = "video_status" }
}

func refresh(_ job: SavedJob, key: String) async throws -> Bool {
    if job.videoStatus == 5 { return false }
    var req = URLRequest(url: URL(string: "https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=\(job.id)")!)
    req.setValue(key, forHTTPHeaderField: "x-api-key")
    let (body, _) = try await URLSession.shared.data(for: req)
    let remote = try JSONDecoder().decode(Remote.self, from: body)
    return remote.data.videoStatus == 3
}
