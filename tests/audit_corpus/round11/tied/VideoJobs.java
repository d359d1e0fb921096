package com.example.video;

import java.net.URI;
import java.net.http.HttpRequest;

// Client of the AKOOL open API
public class VideoJobs {
    private final String baseUrl;

    public VideoJobs(Settings settings) {
        this.baseUrl = settings.apiBase();
    }

    public HttpRequest status(String id) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/api/open/v3/content/video/make/" + id)).GET().build();
    }
}
