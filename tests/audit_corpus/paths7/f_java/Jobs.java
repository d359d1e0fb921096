package com.example.akool;

public class Jobs {
    private final AkoolClient client = new AkoolClient();

    public String info(String id) throws IOException {
        return client.post("/content/video/infobymodelid", "{\"video_model_id\": \"" + id + "\"}");
    }
    public String status(String id) throws IOException {
        return client.post("/content/video/status", "{}");
    }
}
