use serde::Serialize;
#[derive(Serialize)]
struct TalkReq { talking_photo_url: String, audio_url: String, #[serde(rename = "webhook_url")] hook: Option<String> }
async fn create(c: &reqwest::Client, r: &TalkReq) { c.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto").json(r).send().await; }
