package app.akool;

import java.util.Map;

import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.client.annotation.Client;

@Client("https://openapi.akool.com/api/open/v3")
@Header(name = "x-api-key", value = "${akool.api-key}")
public interface MicronautTemplate {
    @Get("/content/image/infobymodelid{?image_model_id}")
    Map<String, Object> image(String image_model_id);

    @Get("/content/video/infobymodelid{?video_model_id,extra}")
    Map<String, Object> video(String video_model_id, String extra);
}
