package com.acme.akool;

import com.acme.platform.http.HttpUtil;
import okhttp3.OkHttpClient;

/** AKOOL jobs (AKOOL_API_KEY from the environment). */
public class AkoolJobs {
    private final HttpUtil http = new HttpUtil(System.getenv("AKOOL_API_KEY"));

    public String akoolHeadswapInfo(String id) {
        return http.get("/v4/headswap/task/info?task_id=" + id);
    }

    public String akoolAvatars() {
        return HttpUtil.getJson("/v3/avatar/lists");
    }
}
