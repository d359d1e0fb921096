import Foundation

let akoolBase = URL(string: "https://openapi.akool.com/api/open/v3/")!

func swapFace(source: String, target: String, modify: String, key: String) async throws -> String {
    var req = URLRequest(url: akoolBase.appendingPathComponent("faceswap/highquality/specifyimage"))
    req.httpMethod = "POST"
    req.setValue(key, forHTTPHeaderField: "x-api-key")
    req.setValue("application/json", forHTTPHeaderField: "Content-Type")
    let body: [String: Any] = [
        "sourceImage": [["path": source, "opts": "262,175:363,169:315,229:273,320"]],
        "targetImage": [["path": target, "opts": "239,193:363,169:315,229:273,320"]],
        "face_enhance": true,
        "modifyImage": modify,
    ]
    req.httpBody = try JSONSerialization.data(withJSONObject: body)
    let (data, _) = try await URLSession.shared.data(for: req)
    let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
    let d = json["data"] as! [String: Any]
    return d["_id"] as! String
}

func faceswapResult(id: String, key: String) async throws -> String? {
    var comps = URLComponents(string: "https://openapi.akool.com/api/open/v3/faceswap/result/listbyid")!
    comps.queryItems = [URLQueryItem(name: "_ids", value: id)]
    var req = URLRequest(url: comps.url!)
    req.setValue(key, forHTTPHeaderField: "x-api-key")
    let (data, _) = try await URLSession.shared.data(for: req)
    let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
    let d = json["data"] as! [String: Any]
    let result = (d["result"] as! [[String: Any]]).first!
    return result["url"] as? String
}
