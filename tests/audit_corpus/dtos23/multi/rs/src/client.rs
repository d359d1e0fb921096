use crate::models::VideoInfo;

pub async fn info(c: &reqwest::Client, id: &str) -> reqwest::Result<Option<String>> {
    let v: VideoInfo = c
        .get(format!("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id={id}"))
        .send()
        .await?
        .json()
        .await?;
    Ok(if v.data.status == 3 { v.data.video } else { None })
}
