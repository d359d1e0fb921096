// A named queryFn helper that returns the answer's data, and an axios fetcher giving the body.
import axios from "axios";
import { useQuery } from "@tanstack/react-query";
import useSWR from "swr";

const BASE = "https://openapi.akool.com/api/open/v3";

async function getVideo(id: string) {
  const res = await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`, { headers: { "x-api-key": "k" } });
  const json = await res.json();
  if (json.code !== 1000) throw new Error(json.msg);
  return json.data;
}

export function Video({ id }: { id: string }) {
  const { data: info } = useQuery({ queryKey: ["v", id], queryFn: () => getVideo(id) });
  return <a href={info?.video}>{info?.video_status}</a>;
}

const axiosFetcher = (url: string) => axios.get(url, { headers: { "x-api-key": "k" } }).then((res) => res.data);

export function Raw({ id }: { id: string }) {
  const { data } = useSWR(`${BASE}/content/video/infobymodelid?video_model_id=${id}`, axiosFetcher);
  return <span>{data?.data?.video_status}</span>;
}

export function RawWrong({ id }: { id: string }) {
  const { data } = useSWR(`${BASE}/content/video/infobymodelid?video_model_id=${id}`, axiosFetcher);
  return <span>{data?.result_url}</span>;
}
