import okhttp3.*;

class Lipsync34 {
  private static final String URL = "https://openapi.akool.com/api/open/v3/content/video/lipsync";
  private final OkHttpClient http = new OkHttpClient();

  Request wrong(String body) {
    return new Request.Builder().url(URL)
      .post(RequestBody.create(body, MediaType.parse("application/json")))
      .addHeader("x-akool-key", System.getenv("AKOOL_API_KEY")).build();
  }

  Request right(String body) {
    return new Request.Builder().url(URL)
      .post(RequestBody.create(body, MediaType.parse("application/json")))
      .addHeader("X-Api-Key", System.getenv("AKOOL_API_KEY")).build();
  }

  Request basic(String body, String apiKey) {
    return new Request.Builder().url(URL)
      .post(RequestBody.create(body, MediaType.parse("application/json")))
      .header("Authorization", "Basic " + apiKey).build();
  }
}
