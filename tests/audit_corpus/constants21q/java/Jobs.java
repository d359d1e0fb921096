import org.springframework.web.client.RestTemplate;

public class Jobs {
    private final RestTemplate rest = new RestTemplate();

    String talk(Object body) {
        return rest.postForObject(ApiConst.BASE + ApiConst.TALK, body, String.class);
    }

    String poll(String id) {
        return rest.postForObject(ApiConst.BASE + ApiConst.INFO + "?video_model_id=" + id, null, String.class);
    }

    String pollOk(String id) {
        return rest.getForObject(ApiConst.BASE + ApiConst.INFO + "?video_model_id=" + id, String.class);
    }

    String pollGuess(String id) {
        return rest.getForObject(ApiConst.BASE + ApiConst.RESULT + id, String.class);
    }
}
