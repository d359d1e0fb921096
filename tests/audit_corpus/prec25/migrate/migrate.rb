def fix_url(url)
  return url unless url.start_with?("https://api.akool.com")
  url.sub("https://api.akool.com", "https://openapi.akool.com")
end
