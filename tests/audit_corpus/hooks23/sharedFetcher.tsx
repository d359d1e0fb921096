// The fetcher lives in another module (not scanned): what the hook's data holds is not known.
import useSWR from "swr";
import { fetcher } from "@/lib/fetcher";

const BASE = "https://openapi.akool.com/api/open/v3";

export function VideoStatus({ id }: { id: string }) {
  const { data } = useSWR(`${BASE}/content/video/infobymodelid?video_model_id=${id}`, fetcher);
  return <p>{data?.video_status} {data?.video}</p>;
}
