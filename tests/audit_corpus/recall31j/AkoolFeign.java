import feign.Feign;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import feign.gson.GsonDecoder;
import feign.gson.GsonEncoder;
import java.util.Map;

public class AkoolFeign {
    public static class VideoData { public int video_status; public String video; }
    public static class VideoInfo { public int code; public String msg; public VideoData data; }
    public static class ImageData { public int image_status; public String image_url; }
    public static class ImageInfo { public int code; public String msg; public ImageData data; }

    @Headers({"Content-Type: application/json", "x-api-key: {key}"})
    interface Akool {
        @RequestLine("POST /content/video/createbytalkingphoto")
        VideoInfo talk(@Param("key") String key, Map<String, Object> body);

        @RequestLine("GET /content/video/infobymodelid?videoModelId={id}")
        VideoInfo info(@Param("key") String key, @Param("id") String id);

        @RequestLine("POST /content/image/createbyimagine")
        ImageInfo imagine(@Param("key") String key, Map<String, Object> body);

        @RequestLine("GET /content/image/infobymodelid?image_model_id={id}")
        ImageInfo image(@Param("key") String key, @Param("id") String id);
    }

    private final Akool akool = Feign.builder()
        .encoder(new GsonEncoder()).decoder(new GsonDecoder())
        .target(Akool.class, "https://openapi.akool.com/api/open/v3");
    private final String key = System.getenv("AKOOL_KEY");

    public VideoInfo talk(String photo, String audio) {
        return akool.talk(key, Map.of("talking_photo_url", photo, "audio_url", audio, "resolution", "720p"));
    }

    public VideoInfo held(String photo) {
        Map<String, Object> body = Map.of("talking_photo_url", photo, "resolution", "1080");
        return akool.talk(key, body);
    }

    public String poll(String vid) {
        VideoInfo info = akool.info(key, vid);
        if (info.code != 200) {
            throw new IllegalStateException(info.msg);
        }
        if (info.data.video_status == 5) {
            return null;
        }
        return info.data.video;
    }

    public String imageUrl(String iid) {
        return akool.image(key, iid).data.image_url;
    }
}
