import Foundation

func talk(photo: String, audio: String, quality: String) async throws -> Data {
    var req = URLRequest(url: URL(string: "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto")!)
    req.httpMethod = "POST"
    req.setValue("application/json", forHTTPHeaderField: "Content-Type")
    req.httpBody = try JSONSerialization.data(withJSONObject: ["talking_photo_url": photo, "audio_url": audio, "resolution": quality.replacingOccurrences(of: "p", with: "")])
    let (data, _) = try await URLSession.shared.data(for: req)
    return data
}
