use serde::Serialize;
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CamelReq { #[serde(rename = "talking_photo_url")] photo: String, #[serde(rename = "audio_url")] audio: String, webhook_url: Option<String> }
async fn create(c: &reqwest::Client, r: &CamelReq) { c.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto").json(r).send().await; }
