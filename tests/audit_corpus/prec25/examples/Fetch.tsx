export function Status({ id }: { id: string }) {
  const load = () => fetch(`https://api.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=${id}`);
  return <button onClick={load}>status</button>;
}
