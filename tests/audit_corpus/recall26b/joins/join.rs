use url::Url;
pub async fn credit(c: &reqwest::Client) -> reqwest::Result<String> {
    let base = Url::parse("https://openapi.akool.com/api/open/v3").unwrap();
    c.get(base.join("faceswap/quota/info").unwrap()).send().await?.text().await
}
