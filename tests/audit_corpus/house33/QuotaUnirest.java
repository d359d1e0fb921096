import kong.unirest.HttpResponse;
import kong.unirest.JsonNode;
import kong.unirest.Unirest;
import kong.unirest.json.JSONObject;

class QuotaUnirest {
  static void show(String key) {
    HttpResponse<JsonNode> r = Unirest.get("https://openapi.akool.com/api/open/v3/faceswap/quota/info")
        .header("x-api-key", key).asJson();
    JSONObject root = r.getBody().getObject();
    System.out.println("credit left: " + root.getJSONObject("data").get("credit"));
    System.out.println(root.getString("message"));
  }
}
