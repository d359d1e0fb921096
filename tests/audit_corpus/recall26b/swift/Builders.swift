import Foundation

enum Akool {
    static let base = URL(string: "https://openapi.akool.com/api/open/v3")!
}

func info(id: String) -> URL {
    // iOS 16 API; the path guess is /content/video/info (documented: infobymodelid)
    Akool.base.appending(path: "content/video/info")
}

func quota() -> URL {
    var c = URLComponents()
    c.scheme = "https"
    c.host = "api.akool.com"
    c.path = "/api/open/v3/faceswap/quota/info"
    return c.url!
}
