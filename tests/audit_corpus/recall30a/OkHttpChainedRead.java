import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.OkHttpClient;
import okhttp3.Request;

public class OkHttpChainedRead {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final OkHttpClient client = new OkHttpClient();

    public double credits(String apiKey) throws Exception {
        Request request = new Request.Builder()
            .url("https://openapi.akool.com/api/open/v3/faceswap/quota/info")
            .header("x-api-key", apiKey)
            .build();
        return MAPPER.readTree(client.newCall(request).execute().body().string()).path("data").path("credits").asDouble();
    }
}
