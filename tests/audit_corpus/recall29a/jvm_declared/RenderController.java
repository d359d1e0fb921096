import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.annotation.Client;
import java.util.Map;

@Controller("/api")
public class RenderController {
    private final MicronautAkool akool;

    public RenderController(MicronautAkool akool) {
        this.akool = akool;
    }

    @Post("/content/video/lipsync")
    public Map<String, Object> lipsync(@Body Map<String, Object> body) {
        return akool.lipsync(body);
    }
}

@Client("https://hooks.example.com/v3")
interface Hooks {
    @Post("/content/video/lipsync")
    Map<String, Object> notify(@Body Map<String, Object> body);
}
