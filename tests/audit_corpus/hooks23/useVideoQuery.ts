// TanStack Query: a queryFn that unwraps, a select that unwraps, and one that does not.
import { useQuery } from "@tanstack/react-query";

const BASE = "https://openapi.akool.com/api/open/v3";
const headers = { "x-api-key": import.meta.env.VITE_AKOOL_KEY };

export function useVideo(id: string) {
  const { data, isPending } = useQuery({
    queryKey: ["video", id],
    queryFn: () => fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`, { headers }).then((r) => r.json()).then((j) => j.data),
    refetchInterval: 5000,
  });
  return { ready: data?.video_status === 3, url: data?.video, isPending };
}

export function useVideoSelected(id: string) {
  const { data } = useQuery({
    queryKey: ["video-selected", id],
    queryFn: () => fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`, { headers }).then((r) => r.json()),
    select: (r) => r.data,
  });
  return data?.video ?? null;
}

export function useVideoEnvelope(id: string) {
  const { data } = useQuery({
    queryKey: ["video-envelope", id],
    queryFn: () => fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`, { headers }).then((r) => r.json()),
  });
  return data?.video_status === 3;
}
