import Foundation
func talk() async throws {
    var req = URLRequest(url: URL(string: "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto")!)
    req.httpMethod = "POST"
    let body: [String: Int] = ["resolution": 1080]
    req.httpBody = try JSONSerialization.data(withJSONObject: body)
    _ = try await URLSession.shared.data(for: req)
}
