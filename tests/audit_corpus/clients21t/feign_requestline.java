package demo.akool;

import feign.*;

// Plain Feign: the method and the path are one string.
public interface AkoolFeign {
    @RequestLine("GET /api/open/v3/content/video/status/{id}")
    Map<String, Object> status(@Param("id") String id);

    @RequestLine("POST /api/open/v3/content/video/infobymodelid?video_model_id={id}")
    Map<String, Object> info(@Param("id") String id);

    @RequestLine("GET /api/open/v3/content/video/infobymodelid?video_model_id={id}")
    Map<String, Object> infoGood(@Param("id") String id);
}
