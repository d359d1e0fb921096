require "faraday"
require "json"

LIST = "https://openapi.akool.com/api/open/v3/faceswap/result/listbyids"

def latest_result(id)
  res = Faraday.get(LIST, { _ids: id }, { "x-api-key" => ENV["AKOOL_API_KEY"] })
  row = JSON.parse(res.body)["data"]["result"].first
  return row["result_url"] if row["faceswap_status"] == 3
  nil
end

def first_url(id)
  res = Faraday.get(LIST, { _ids: id }, { "x-api-key" => ENV["AKOOL_API_KEY"] })
  item = JSON.parse(res.body)["data"]["result"][0]
  item["faceswap_status"] == 3 ? item["url"] : nil
end
