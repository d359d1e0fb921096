import Foundation

let base = URL(string: "https://openapi.akool.com/api/open/v3/")!

func credit(key: String) async throws -> Data {
    var req = URLRequest(url: URL(string: "/faceswap/quota/info", relativeTo: base)!)
    req.setValue(key, forHTTPHeaderField: "x-api-key")
    return try await URLSession.shared.data(for: req).0
}

func creditOk(key: String) async throws -> Data {
    var req = URLRequest(url: URL(string: "faceswap/quota/info", relativeTo: base)!)
    req.setValue(key, forHTTPHeaderField: "x-api-key")
    return try await URLSession.shared.data(for: req).0
}
