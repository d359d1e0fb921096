use serde_json::Value;

pub async fn image_url(client: &reqwest::Client, id: &str) -> anyhow::Result<Option<String>> {
    let j: Value = client
        .get("https://openapi.akool.com/api/open/v3/content/image/infobymodelid")
        .query(&[("image_model_id", id)])
        .send()
        .await?
        .json()
        .await?;
    match j["data"]["image_status"].as_i64() {
        Some(2) => Ok(j["data"]["image"].as_str().map(String::from)),
        Some(4) => anyhow::bail!("image failed"),
        _ => Ok(None),
    }
}
