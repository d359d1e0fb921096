package y;

import com.google.gson.annotations.SerializedName;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.POST;

public interface GoodApi {
    @POST("api/open/v3/content/video/createbytalkingphoto")
    Call<Object> talk(@Body final TalkBody body);

    /** The talking photo request, under AKOOL's names. */
    final class TalkBody {
        @SerializedName("talking_photo_url")
        private String photo;

        @SerializedName("audio_url")
        private String audio;

        @SerializedName("webhookUrl")
        private String hook;
    }
}
