import java.util.HashMap;
import java.util.Map;
import org.springframework.web.client.RestTemplate;
import kong.unirest.Unirest;
import okhttp3.OkHttpClient;
import okhttp3.Request;

public class ClientVerbs {
    static final String TALK_URL = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto";
    private final Map<String, String> results = new HashMap<>();
    private final HashMap<String, Integer> hits = new HashMap<>();
    private final RestTemplate restTemplate = new RestTemplate();
    private final OkHttpClient ok = new OkHttpClient();

    void run(Map<String, Object> body) throws Exception {
        hits.put(TALK_URL, 1);
        restTemplate.put(TALK_URL, body);
        Unirest.get(TALK_URL).asString();
        Request r = new Request.Builder().url(TALK_URL).get().build();
        ok.newCall(r).execute();
    }
}
