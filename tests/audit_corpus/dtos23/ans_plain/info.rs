use serde::Deserialize;
const BASE: &str = "https://openapi.akool.com/api/open/v3";
#[derive(Deserialize)]
struct VideoData { _id: String, status: i32, video: Option<String> }
#[derive(Deserialize)]
struct VideoInfo { code: i32, data: VideoData }
pub async fn info(c: &reqwest::Client, id: &str) -> reqwest::Result<Option<String>> {
    let v = c.get(format!("{BASE}/content/video/infobymodelid?video_model_id={id}")).send().await?.json::<VideoInfo>().await?;
    Ok(if v.data.status == 3 { v.data.video } else { None })
}
