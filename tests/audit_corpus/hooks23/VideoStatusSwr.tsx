// SWR with a fetcher that unwraps AKOOL's envelope: the hook's data is the answer's data.
import useSWR from "swr";

const BASE = "https://openapi.akool.com/api/open/v3";
const fetcher = (url: string) =>
  fetch(url, { headers: { "x-api-key": process.env.NEXT_PUBLIC_AKOOL_KEY! } }).then((r) => r.json()).then((j) => j.data);

export function VideoStatus({ id }: { id: string }) {
  const { data, error, isLoading } = useSWR(`${BASE}/content/video/infobymodelid?video_model_id=${id}`, fetcher, { refreshInterval: 5000 });
  if (error) return <p>failed</p>;
  if (isLoading || !data) return <p>loading</p>;
  return data.video_status === 3 ? <video src={data.video} /> : <p>status {data.video_status}</p>;
}

export function Progress({ id }: { id: string }) {
  const { data } = useSWR(`${BASE}/content/video/infobymodelid?video_model_id=${id}`, fetcher);
  return <progress value={data?.status} max={4} />;
}
