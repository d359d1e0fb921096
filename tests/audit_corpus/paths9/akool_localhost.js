// AKOOL mock: in tests the AKOOL paths are served by our local stub, never by AKOOL.
import { get } from "../lib/httpHelpers";

const AKOOL_STUB = "http://localhost:8080";

export const akoolStubInfo = (id) => get("http://localhost:3000/v3/content/video/info?id=" + id);
export const akoolStubHeadswap = (id) => get(`${AKOOL_STUB}/v4/headswap/task/info?id=${id}`);
