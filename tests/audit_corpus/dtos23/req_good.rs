use serde::Serialize;
#[derive(Serialize)]
struct GoodReq { talking_photo_url: String, audio_url: String, #[serde(rename = "webhookUrl")] hook: Option<String> }
async fn create(c: &reqwest::Client, r: &GoodReq) { c.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto").json(r).send().await; }
