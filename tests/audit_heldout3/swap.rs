//! Face swap worker (reqwest + tokio).
use serde_json::json;

const BASE: &str = "https://openapi.akool.com/api/open/v3";

pub async fn swap(client: &reqwest::Client, key: &str, src: &str, dst: &str, hook: &str) -> reqwest::Result<serde_json::Value> {
    client
        .post(format!("{}/faceswap/highquality/specifyimage", BASE))
        .header("x-api-key", key)
        .json(&json!({
            "sourceImage": [{"path": src, "opts": ""}],
            "targetImage": [{"path": dst, "opts": ""}],
            "modifyImage": dst,
            "face_enhance": 1,
            "webhookUrl": hook,
        }))
        .send()
        .await?
        .json()
        .await
}

pub async fn result(client: &reqwest::Client, key: &str, id: &str) -> reqwest::Result<serde_json::Value> {
    client
        .get(format!("{BASE}/faceswap/result/listbyids"))
        .query(&[("_id", id)])
        .header("x-api-key", key)
        .send()
        .await?
        .json()
        .await
}

pub async fn balance(client: &reqwest::Client, key: &str) -> reqwest::Result<serde_json::Value> {
    client.get(format!("{BASE}/faceswap/quota/balance")).header("x-api-key", key).send().await?.json().await
}
