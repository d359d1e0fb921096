BASE = "https://openapi.akool.com/api/open/v3"
ROOT = File.expand_path(__dir__)
OUT = File.join(ROOT, "out")
File.write("#{ROOT}/content/video/x", "")
File.write("#{OUT}/faceswap/result", "")
