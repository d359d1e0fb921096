use serde::Deserialize;

#[derive(Deserialize)]
pub struct VideoData {
    #[serde(rename = "_id")]
    pub id: String,
    pub status: i32,
    pub video: Option<String>,
}

#[derive(Deserialize)]
pub struct VideoInfo {
    pub code: i32,
    pub data: VideoData,
}
