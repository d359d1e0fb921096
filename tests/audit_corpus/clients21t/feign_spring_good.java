package demo.akool;

import java.util.Map;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.*;

@FeignClient(name = "akool", url = "${akool.base:https://openapi.akool.com}")
public interface AkoolClient {

    @PostMapping("/api/open/v3/content/image/createbyprompt")
    Map<String, Object> createImage(@RequestBody Map<String, Object> body);

    @GetMapping("/api/open/v3/content/video/infobymodelid")
    Map<String, Object> info(@RequestParam("video_model_id") String id);

    @GetMapping(path = "/api/open/v3/content/video/infobymodelid")
    Map<String, Object> infoByQuery(@SpringQueryMap InfoQuery query);
}
