import java.util.List;
public class OpsArrays {
    static final String BASE = "https://openapi.akool.com";
    static final List<String[]> OPS = List.of(
        new String[]{"GET", "/api/open/v3/content/video/createbytalkingphoto"},
        new String[]{"GET", "/api/open/v3/content/video/infobymodelid"});
}
