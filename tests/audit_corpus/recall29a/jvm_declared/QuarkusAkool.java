import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import java.util.Map;

@Path("/content/video")
@RegisterRestClient(baseUri = "https://openapi.akool.com/api/open/v3")
public interface QuarkusAkool {
    @POST
    @Path("infobymodelid")
    Map<String, Object> info(@QueryParam("video_model_id") String id);

    @GET
    @Path("/infobymodelid")
    Map<String, Object> infoGet(@QueryParam("videoModelId") String id);
}
