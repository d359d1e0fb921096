import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;
import java.util.Map;

@Client("https://openapi.akool.com/api/open/v3")
public interface MicronautAkool {
    @Post("/content/video/infobymodelid")
    Map<String, Object> info(@QueryValue("video_model_id") String id);

    @Get("/content/video/infobymodelid")
    Map<String, Object> infoGet(@QueryValue("videoModelId") String id);

    @Post("/content/video/lipsync")
    Map<String, Object> lipsync(@Body Map<String, Object> body);
}
