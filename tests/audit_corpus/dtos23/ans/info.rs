use serde::Deserialize;

const BASE: &str = "https://openapi.akool.com/api/open/v3";

#[derive(Deserialize)]
struct VideoData {
    #[serde(rename = "_id")]
    id: String,
    #[serde(rename = "status")]
    status: i32,
    #[serde(rename = "video")]
    url: Option<String>,
}

#[derive(Deserialize)]
struct VideoInfo {
    code: i32,
    data: VideoData,
}

pub async fn info(c: &reqwest::Client, id: &str) -> reqwest::Result<Option<String>> {
    let v: VideoInfo = c
        .get(format!("{BASE}/content/video/infobymodelid?video_model_id={id}"))
        .send()
        .await?
        .json()
        .await?;
    Ok(if v.data.status == 3 { v.data.url } else { None })
}
