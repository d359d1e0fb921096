import Foundation

let base = "https://openapi.akool.com"

func createImage(prompt: String) async throws -> String {
    var req = URLRequest(url: URL(string: base + "/api/open/v3/content/image/createbyprompt")!)
    req.httpMethod = "POST"
    req.setValue("application/json", forHTTPHeaderField: "Content-Type")
    req.httpBody = try JSONSerialization.data(withJSONObject: ["prompt": prompt, "size": "1:1"])
    let (data, _) = try await URLSession.shared.data(for: req)
    return String(data: data, encoding: .utf8)!
}

func talk(image: String, audio: String) async throws {
    var req = URLRequest(url: URL(string: base + "/api/open/v3/content/video/createbytalkingphoto")!)
    req.httpMethod = "POST"
    req.httpBody = try JSONSerialization.data(withJSONObject: [
        "talking_photo_url": image,
        "audio_url": audio,
        "resolution": "720p",
    ])
    _ = try await URLSession.shared.data(for: req)
}

func status(id: String) async throws {
    var req = URLRequest(url: URL(string: base + "/api/open/v3/content/video/status/" + id)!)
    req.httpMethod = "GET"
    _ = try await URLSession.shared.data(for: req)
}

func info(id: String) async throws {
    var req = URLRequest(url: URL(string: "\(base)/api/open/v3/content/video/infobymodelid?video_model_id=\(id)")!)
    req.httpMethod = "POST"
    _ = try await URLSession.shared.data(for: req)
}

struct TalkRequest: Codable {
    let talking_photo_url: String
    let audio_url: String
    let resolution: String
}

func talkCodable(image: String, audio: String) async throws {
    let url = URL(string: base + "/api/open/v3/content/video/createbytalkingphoto")!
    var request = URLRequest(url: url)
    request.httpMethod = "POST"
    let body = TalkRequest(talking_photo_url: image, audio_url: audio, resolution: "4k")
    request.httpBody = try JSONEncoder().encode(body)
    _ = try await URLSession.shared.data(for: request)
}
