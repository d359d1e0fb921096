//! Polls and creates talking-photo videos with reqwest.
use serde_json::{json, Value};

const AKOOL: &str = "https://openapi.akool.com/api/open/v3";

pub async fn create(http: &reqwest::Client, key: &str, photo: &str, audio: &str) -> reqwest::Result<Value> {
    let payload = json!({
        "talking_photo_url": photo,
        "audio_url": audio,
        "resolution": "720p",
    });
    http.post(format!("{AKOOL}/content/video/createbytalkingphoto"))
        .header("x-api-key", key)
        .json(&payload)
        .send()
        .await?
        .json()
        .await
}

pub async fn poll(http: &reqwest::Client, key: &str, id: &str) -> reqwest::Result<Value> {
    http.get(format!("{}/content/video/infobymodelid", AKOOL))
        .header("x-api-key", key)
        .query(&[("_id", id)])
        .send()
        .await?
        .json()
        .await
}
