use serde::Deserialize;
use sqlx::PgPool;

#[derive(sqlx::FromRow, Deserialize)]
struct Render {
    id: i64,
    task_id: String,
    video_status: i32,
}

const API: &str = "https://openapi.akool.com/api/open/v3";

async fn poll(pool: &PgPool, id: i64, key: &str) -> anyhow::Result<()> {
    let render = sqlx::query_as!(Render, "SELECT id, task_id, video_status FROM renders WHERE id = $1", id)
        .fetch_one(pool)
        .await?;
    if render.video_status == 5 {
        return Ok(());
    }
    let other = sqlx::query_as::<_, Render>("SELECT * FROM renders WHERE id = $1")
        .bind(id)
        .fetch_one(pool)
        .await?;
    if other.video_status == 5 {
        return Ok(());
    }
    let body: serde_json::Value = reqwest::Client::new()
        .get(format!("{API}/content/video/infobymodelid?video_model_id={}", render.task_id))
        .header("x-api-key", key)
        .send()
        .await?
        .json()
        .await?;
    if body["data"]["video_status"] == 3 {
        println!("done");
    }
    Ok(())
}
