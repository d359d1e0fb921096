import retrofit2.Retrofit;
import retrofit2.http.*;
interface AkoolLead {
  @GET("/content/video/infobymodelid")
  Call<Object> info(@Query("video_model_id") String id);
}
class MakeLead {
  static AkoolLead make() {
    return new Retrofit.Builder().baseUrl("https://openapi.akool.com/api/open/v3/").build().create(AkoolLead.class);
  }
}
