import { json, type LoaderFunctionArgs } from "@remix-run/node";
import wretch from "wretch";

const AKOOL_BASE = "https://openapi.akool.com/api/open/v3";
const akool = wretch(AKOOL_BASE).headers({ "x-api-key": process.env.AKOOL_API_KEY! });

export async function loader({ params }: LoaderFunctionArgs) {
  const j: any = await akool.get(`/content/video/infobymodelid?video_model_id=${params.id}`).json();
  return json({ status: j.data.status, url: j.data.video });
}

export async function action() {
  const made: any = await akool.url("/content/image/createbyprompt").post({ prompt: "a cat", size: "1:1" }).json();
  return json({ id: made.data._id });
}

export const credit = () => akool.get("/faceswap/quota/infos").json();
