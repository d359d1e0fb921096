import feign.Feign;
import feign.Param;
import feign.RequestLine;
import feign.jackson.JacksonDecoder;

interface Akool {
    @RequestLine("GET /content/video/infobymodelid?videoModelId={id}")
    String video(@Param("id") String id);

    @RequestLine("GET /content/video/infobymodelid?video_model_id={id}")
    String videoOk(@Param("id") String id);
}

class Wire {
    static final String AKOOL_BASE = "https://openapi.akool.com/api/open/v3";

    Akool make() {
        return Feign.builder()
            .decoder(new JacksonDecoder())
            .target(Akool.class, AKOOL_BASE);
    }
}
