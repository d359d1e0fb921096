import java.util.Map;

import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

interface VoiceApi {
    @GetExchange("/voice/list")
    Map<String, Object> voices(@RequestParam("type") String type);

    @PostExchange("https://openapi.akool.com/api/open/v3/content/video/infobymodelid")
    Map<String, Object> videoByPost(@RequestParam("video_model_id") String id);
}

class VoiceWiring {
    VoiceApi voiceApi() {
        RestClient rest = RestClient.builder().baseUrl("https://openapi.akool.com/api/open/v4").build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest)).build().createClient(VoiceApi.class);
    }
}
