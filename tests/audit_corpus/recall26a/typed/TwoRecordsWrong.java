import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

public class TwoRecordsWrong {
    record AudioInfo(int status, String url) {}
    record AudioEnv(int code, String msg, AudioInfo data) {}
    record Reply(int code, String body) {}

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    public String audio(String id, Reply reply) throws Exception {
        if (reply.code() != 200) throw new IllegalStateException("bad reply");
        HttpRequest req = HttpRequest.newBuilder(URI.create("https://openapi.akool.com/api/open/v3/audio/infobymodelid?audio_model_id=" + id))
                .header("x-api-key", System.getenv("AKOOL_API_KEY")).GET().build();
        HttpResponse<String> response = http.send(req, HttpResponse.BodyHandlers.ofString());
        AudioEnv env = mapper.readValue(response.body(), AudioEnv.class);
        if (env.code() != 200) throw new IllegalStateException(env.msg());
        return env.data().status() == 3 ? env.data().url() : null;
    }
}
