// Old docs said https://api.akool.com/api/open/v3/content/video/status/{id}; it never worked.
/* Example:
 *   fetch("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", { method: "POST", body: JSON.stringify({ talking_photo_url: u }) })
 */
const BASE = "https://openapi.akool.com/api/open/v3"; // not https://api.akool.com
export const info = async (v) => (await (await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${v}`)).json()).data.video_status;
