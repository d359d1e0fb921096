import retrofit2.Call;
import retrofit2.http.*;

public interface Api {
    class VideoData2 { public String _id; public int status; public String video; }
    class VideoInfo2 { public int code; public String msg; public VideoData2 data; }

    @GET("api/open/v3/content/video/infobymodelid")
    Call<VideoInfo2> info(@Query("video_model_id") String id);
}
