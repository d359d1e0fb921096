"use client";
// The AKOOL studio page: the browser talks to our own Next.js routes under /api/akool, which
// hold the AKOOL key and call AKOOL from the server.
import { useState } from "react";
import useSWR from "swr";
import { apiClient } from "@/lib/apiClient";

const AKOOL_ROUTES = {
  talkingPhoto: "/api/akool/talking-photo",
  status: "/api/akool/status",
};

export default function AkoolStudio() {
  const [jobId, setJobId] = useState<string | null>(null);
  const { data } = useSWR(jobId ? `${AKOOL_ROUTES.status}?id=${jobId}` : null);

  async function akoolStart(photo: string, audio: string) {
    const res = await fetch("/api/akool/talking-photo", {
      method: "POST",
      body: JSON.stringify({ photo, audio }),
    });
    const json = await res.json();
    setJobId(json.id);
    await apiClient.post("/api/akool/v3/content/video/infobymodelid", { id: json.id });
    await apiClient.get(AKOOL_ROUTES.status, { id: json.id });
  }

  return <button onClick={() => akoolStart("p.png", "a.mp3")}>AKOOL {data?.status}</button>;
}
