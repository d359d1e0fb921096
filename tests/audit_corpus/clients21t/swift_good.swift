import Foundation

let base = "https://openapi.akool.com"

func createImage(prompt: String) async throws -> String {
    var req = URLRequest(url: URL(string: base + "/api/open/v3/content/image/createbyprompt")!)
    req.httpMethod = "POST"
    req.setValue("application/json", forHTTPHeaderField: "Content-Type")
    req.httpBody = try JSONSerialization.data(withJSONObject: ["prompt": prompt, "scale": "1:1"])
    let (data, _) = try await URLSession.shared.data(for: req)
    return String(data: data, encoding: .utf8)!
}

func talk(image: String, audio: String) async throws {
    var req = URLRequest(url: URL(string: base + "/api/open/v3/content/video/createbytalkingphoto")!)
    req.httpMethod = "POST"
    req.httpBody = try JSONSerialization.data(withJSONObject: [
        "talking_photo_url": image,
        "audio_url": audio,
        "resolution": "720",
    ])
    _ = try await URLSession.shared.data(for: req)
}

func info(id: String) async throws {
    var req = URLRequest(url: URL(string: "\(base)/api/open/v3/content/video/infobymodelid?video_model_id=\(id)")!)
    req.httpMethod = "GET"
    _ = try await URLSession.shared.data(for: req)
}

struct TalkRequest: Codable {
    let talking_photo_url: String
    let audio_url: String
    let resolution: String
}

struct ImageRequest: Encodable {
    let prompt: String
    let aspect: String
    enum CodingKeys: String, CodingKey {
        case prompt
        case aspect = "scale"
    }
}

func talkCodable(image: String, audio: String) async throws {
    let url = URL(string: base + "/api/open/v3/content/video/createbytalkingphoto")!
    var request = URLRequest(url: url)
    request.httpMethod = "POST"
    let body: [String: Any] = ["talking_photo_url": image, "audio_url": audio]
    request.httpBody = try JSONSerialization.data(withJSONObject: body)
    var again = URLRequest(url: url)
    again.httpMethod = "POST"
    again.httpBody = try JSONEncoder().encode(TalkRequest(talking_photo_url: image, audio_url: audio, resolution: "1080"))
    _ = try await URLSession.shared.data(for: request)
}

func imageCodable(prompt: String) async throws {
    var req = URLRequest(url: URL(string: base + "/api/open/v3/content/image/createbyprompt")!)
    req.httpMethod = "POST"
    req.httpBody = try JSONEncoder().encode(ImageRequest(prompt: prompt, aspect: "16:9"))
}
