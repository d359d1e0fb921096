import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

public class JaxRsAkool {
    private final Client client = ClientBuilder.newClient();

    public String info(String id) {
        return client.target("https://openapi.akool.com/api/open/v3")
            .path("content/video/infobymodelid")
            .queryParam("videoModelId", id)
            .request(MediaType.APPLICATION_JSON)
            .get(String.class);
    }

    public String lipsync(String video, String audio) {
        return client.target("https://openapi.akool.com/api/open/v3")
            .path("content/video/lipsync")
            .request(MediaType.APPLICATION_JSON)
            .post(Entity.json(Map.of("video_url", video, "audio", audio)), String.class);
    }
}
