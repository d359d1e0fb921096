import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.web.client.RestTemplate;

@Entity
class RenderRow {
    @Id Long id;
    String akoolId;
    int videoStatus;  // our own: 0 new, 5 published
    public int getVideoStatus() { return videoStatus; }
    public void setVideoStatus(int s) { videoStatus = s; }
}

public class EntityGood {
    record Info(@JsonProperty("video_status") int videoStatus, String video) {}
    record Env(int code, String msg, Info data) {}
    private final RestTemplate rest = new RestTemplate();

    public void sync(RenderRow render) {
        if (render.getVideoStatus() == 5) return;
        Env env = rest.getForObject("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=" + render.akoolId, Env.class);
        if (env.data().videoStatus() == 3) {
            render.setVideoStatus(5);
        }
        if (render.videoStatus == 0) {
            render.setVideoStatus(1);
        }
    }
}
