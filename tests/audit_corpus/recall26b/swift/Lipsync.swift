import Foundation
let akoolBase = URL(string: "https://openapi.akool.com/api/open/v3")!
func a2() throws {
    var req = URLRequest(url: akoolBase.appendingPathComponent("content/video/lipsync"))
    req.httpMethod = "POST"
    let body: [String: Any] = ["video_url": "v", "audio_url": "a", "webhook_url": "w"]
    req.httpBody = try JSONSerialization.data(withJSONObject: body)
}
