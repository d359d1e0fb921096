// Jest tests of the app's own path rewriting: no URL here is requested.
import { toDocumented } from "./oldPaths";

describe("toDocumented", () => {
  it("rewrites the old status path", () => {
    expect(toDocumented("https://openapi.akool.com/api/open/v3/content/video/status/9")).toBe(
      "https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=9",
    );
  });
  it.each(["/api/open/v3/photo/talking", "/api/open/v3/faceswap/highquality/detectface"])("%s is known to be old", (p) => {
    expect(p.startsWith("/api/open")).toBe(true);
  });
});
