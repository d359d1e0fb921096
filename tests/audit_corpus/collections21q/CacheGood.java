import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.URI;

public class CacheGood {
    static final String TALK_URL = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto";
    static final String INFO_URL = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid";
    private final Map<String, String> results = new HashMap<>();
    private final HashMap<String, Integer> hits = new HashMap<>();
    private final ConcurrentHashMap<String, Long> started = new ConcurrentHashMap<>();
    private final Map<String, String> ids;

    CacheGood() { ids = new HashMap<>(); }

    String talk(String body) throws Exception {
        if (results.containsKey(TALK_URL)) return results.get(TALK_URL);
        started.put(TALK_URL, System.nanoTime());
        hits.put(TALK_URL, hits.getOrDefault(TALK_URL, 0) + 1);
        ids.put(INFO_URL, "x");
        ids.get(INFO_URL);
        started.remove(TALK_URL);
        HttpRequest req = HttpRequest.newBuilder().uri(URI.create(TALK_URL))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        String out = HttpClient.newHttpClient().send(req, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        results.put(TALK_URL, out);
        return out;
    }
}
