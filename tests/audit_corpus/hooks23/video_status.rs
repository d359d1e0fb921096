// Async Rust with reqwest: `.json().await.unwrap()` / `.expect("json")` awaits the parse.
const B: &str = "https://openapi.akool.com/api/open/v3";

async fn info(c: &reqwest::Client, id: &str) -> serde_json::Value {
    c.get(format!("{B}/content/video/infobymodelid?video_model_id={id}")).header("x-api-key", "k").send().await.unwrap().json().await.unwrap()
}

async fn status(c: &reqwest::Client, id: &str) -> Option<i64> {
    let resp = c.get(format!("{B}/content/video/infobymodelid?video_model_id={id}")).send().await.expect("send");
    let v: serde_json::Value = resp.json().await.expect("json");
    v["data"]["video_status"].as_i64()
}
