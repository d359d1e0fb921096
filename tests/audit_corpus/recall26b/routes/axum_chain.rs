pub fn routes() -> Router {
    Router::new()
        .route("/api/open/v3/content/video/infobymodelid", get(info))
        .route("/api/open/v3/content/video/status", get(info))
}
