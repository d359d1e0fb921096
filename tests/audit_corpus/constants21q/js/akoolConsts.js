export const A = {
  BASE_URL: "https://openapi.akool.com",
};
export const Paths = { TALK: "/api/open/v3/content/video/createbytalkingphoto", INFO: "/api/open/v3/content/video/infobymodelid" };
export const Guessed = Object.freeze({
  RESULT: "/api/open/v3/content/video/status/",
  TALKING: "/api/open/v3/photo/talking",
});
