OLD_HOST = "https://api.akool.com".freeze

def modernise(url)
  url.sub(OLD_HOST, "https://openapi.akool.com")
end
