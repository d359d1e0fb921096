import java.util.Map;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

@HttpExchange(url = "https://openapi.akool.com/api/open/v3", accept = "application/json")
public interface AkoolApi {
    @GetExchange("/content/video/infobymodelid")
    Map<String, Object> video(@RequestParam("videoModelId") String id);

    @GetExchange("/content/video/infobymodelid")
    Map<String, Object> videoOk(@RequestParam("video_model_id") String id);

    @PostExchange(url = "/content/video/lipsync")
    Map<String, Object> lipsync(@RequestBody Map<String, Object> body);

    @GetExchange("/content/video/infobymodel")
    Map<String, Object> typo(@RequestParam("video_model_id") String id);
}
