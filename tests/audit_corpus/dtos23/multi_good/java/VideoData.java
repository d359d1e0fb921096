package demo;

import com.fasterxml.jackson.annotation.JsonProperty;

public class VideoData {
    @JsonProperty("_id") public String id;
    @JsonProperty("video_status") public int status;
    @JsonProperty("video") public String url;

    public boolean done() {
        return status == 3;
    }
}
