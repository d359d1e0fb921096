import org.springframework.web.client.RestTemplate;

public class EnumJobs {
    private final RestTemplate rest = new RestTemplate();

    String talk(Object body) {
        return rest.postForObject(ApiConst.BASE + Endpoint.TALK.path, body, String.class);
    }

    String poll(String id) {
        return rest.postForObject(ApiConst.BASE + Endpoint.INFO.path + "?video_model_id=" + id, null, String.class);
    }
}
