package x;

import com.google.gson.annotations.SerializedName;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.POST;

public interface Api {
    class TalkRequest {
        @SerializedName("talking_photo_url") String photoUrl;
        @SerializedName("audio_url") String audioUrl;
        @SerializedName("webhook_url") String webhook;
    }

    @POST("api/open/v3/content/video/createbytalkingphoto")
    Call<Object> createTalk(@Body TalkRequest body);
}
