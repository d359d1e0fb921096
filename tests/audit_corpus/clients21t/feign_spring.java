package demo.akool;

import java.util.Map;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.*;

// A Spring Cloud OpenFeign client of AKOOL: each mapping declares a call the client makes.
@FeignClient(name = "akool", url = "${akool.base:https://openapi.akool.com/api/open/v3}")
public interface AkoolClient {

    @PostMapping("/content/image/createbyprompt")
    Map<String, Object> createImage(@RequestBody Map<String, Object> body);

    @GetMapping("/content/video/status/{id}")
    Map<String, Object> status(@PathVariable("id") String id);

    @PostMapping("/content/video/infobymodelid")
    Map<String, Object> infoByPost(@RequestParam("video_model_id") String id);

    @GetMapping(value = "/content/video/infobymodelid")
    Map<String, Object> info(@RequestParam("videoModelId") String id);
}
