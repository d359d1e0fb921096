use serde::Serialize;
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CamelBad { #[serde(rename = "talking_photo_url")] photo: String, #[serde(rename = "audio_url")] audio: String, hook_url: Option<String> }
async fn create(c: &reqwest::Client, r: &CamelBad) { c.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto").json(r).send().await; }
