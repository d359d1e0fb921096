import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.net.URIBuilder;

public class AkoolApache {
    static final String HOST = "https://openapi.akool.com";
    private final CloseableHttpClient client = HttpClients.createDefault();
    private final ObjectMapper mapper = new ObjectMapper();
    private final String key = System.getenv("AKOOL_KEY");

    public String talk(String photo, String audio) throws Exception {
        HttpPost post = new HttpPost("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto");
        post.setHeader("x-api-key", key);
        post.setEntity(new StringEntity("{\"talking_photo_url\":\"" + photo + "\",\"audio_url\":\"" + audio + "\",\"resolution\":\"720p\"}", ContentType.APPLICATION_JSON));
        return client.execute(post, r -> EntityUtils.toString(r.getEntity()));
    }

    public String held(String photo) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("talking_photo_url", photo);
        body.put("resolution", "1080");
        HttpPost post = new HttpPost("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto");
        post.setHeader("x-api-key", key);
        post.setEntity(new StringEntity(mapper.writeValueAsString(body), ContentType.APPLICATION_JSON));
        return client.execute(post, r -> EntityUtils.toString(r.getEntity()));
    }

    public String info(String vid) throws Exception {
        URIBuilder builder = new URIBuilder("https://openapi.akool.com/api/open/v3/content/video/infobymodelid");
        builder.addParameter("videoModelId", vid);
        HttpGet get = new HttpGet(builder.build());
        get.setHeader("x-api-key", key);
        String text = client.execute(get, r -> EntityUtils.toString(r.getEntity()));
        JsonNode root = mapper.readTree(text);
        if (root.get("code").asInt() != 200) {
            throw new IllegalStateException(root.get("msg").asText());
        }
        JsonNode data = root.get("data");
        if (data.get("video_status").asInt() == 5) {
            return null;
        }
        return data.get("video").asText();
    }

    public String imagine(String prompt) throws Exception {
        HttpPost post = new HttpPost(HOST + "/api/open/v3/content/image/createbyimagine");
        post.setHeader("x-api-key", key);
        post.setEntity(new StringEntity(mapper.writeValueAsString(Map.of("prompt", prompt)), ContentType.APPLICATION_JSON));
        return client.execute(post, r -> EntityUtils.toString(r.getEntity()));
    }

    public String image(String iid) throws Exception {
        HttpGet get = new HttpGet("https://openapi.akool.com/api/open/v3/content/image/infobymodelid?image_model_id=" + iid);
        get.setHeader("x-api-key", key);
        String text = client.execute(get, r -> EntityUtils.toString(r.getEntity()));
        return mapper.readTree(text).get("data").get("image_url").asText();
    }
}
