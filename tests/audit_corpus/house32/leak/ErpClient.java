package com.example.erp;

import java.net.URI;
import java.net.http.HttpRequest;

public class ErpClient {
    private final String baseUrl;

    public ErpClient(AppConfig config) {
        this.baseUrl = config.getApiBase();
    }

    public HttpRequest orders(int page) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/api/open/v1/erp/orders?page=" + page)).GET().build();
    }
}
