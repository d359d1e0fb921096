import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.util.UriComponentsBuilder;

public final class VideoStatus {
    private static final String AKOOL = "https://openapi.akool.com/api/open/v3";
    private final OkHttpClient http = new OkHttpClient();
    private final RestTemplate rest = new RestTemplate();

    Request byOkHttp(String id) {
        HttpUrl url = HttpUrl.parse(AKOOL).newBuilder()
                .addPathSegments("content/video/infobymodelid")
                .addQueryParameter("videoModelId", id)
                .build();
        return new Request.Builder().url(url).get().build();
    }

    Request byOkHttpOk(String id) {
        HttpUrl url = HttpUrl.parse(AKOOL).newBuilder()
                .addPathSegments("content/video/infobymodelid")
                .addQueryParameter("video_model_id", id)
                .build();
        return new Request.Builder().url(url).get().build();
    }

    String bySpring(String id) {
        String url = UriComponentsBuilder.fromHttpUrl(AKOOL)
                .path("/content/video/infobymodelid")
                .queryParam("model_id", id)
                .toUriString();
        return rest.getForObject(url, String.class);
    }

    String voices() {
        String url = UriComponentsBuilder.fromHttpUrl("https://openapi.akool.com/api/open/v4")
                .path("/voice/list")
                .queryParam("type", 1)
                .queryParam("page", 1)
                .toUriString();
        return rest.getForObject(url, String.class);
    }
}
