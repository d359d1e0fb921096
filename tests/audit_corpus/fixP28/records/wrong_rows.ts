export async function poll(id: string) {
  const res = await fetch(`https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=${id}`, {
    headers: { "x-api-key": process.env.AKOOL_API_KEY! },
  });
  const { data } = await res.json();
  const items = [data];
  if (items[0].video_status === 5) return null;
  if (data.video_status === 5) return null;
}
