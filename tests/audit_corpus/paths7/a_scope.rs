const BASE: &str = "https://openapi.akool.com/api/open/v3";

async fn create(client: &reqwest::Client) -> reqwest::Result<reqwest::Response> {
    let url = format!("{}/content/video/createbytalkingphoto", BASE);
    client.post(&url).json(&serde_json::json!({"talking_photo_url": "a", "audio_url": "b"})).send().await
}

async fn download(client: &reqwest::Client, url: &str) -> reqwest::Result<bytes::Bytes> {
    client.get(url).send().await?.bytes().await
}
