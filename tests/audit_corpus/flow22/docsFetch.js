// AKOOL's own JavaScript sample shape (the docs' "Fetch" tab), copied and edited.
const myHeaders = new Headers();
myHeaders.append("x-api-key", process.env.AKOOL_API_KEY);
myHeaders.append("Content-Type", "application/json");

const raw = JSON.stringify({
  "prompt": "Sun Wukong is surrounded by heavenly soldiers",
  "size": "4:3"
});

const requestOptions = {
  method: "POST",
  headers: myHeaders,
  body: raw,
  redirect: "follow"
};

fetch("https://openapi.akool.com/api/open/v3/content/image/createbyprompt", requestOptions)
  .then((response) => response.text())
  .then((result) => console.log(result));

const statusOptions = {
  method: "POST",
  headers: myHeaders,
  redirect: "follow"
};

fetch("https://openapi.akool.com/api/open/v3/content/image/infobymodelid?image_model_id=abc", statusOptions)
  .then((response) => response.json());

const quotaOptions = { method: "GET", headers: myHeaders, redirect: "follow" };
fetch("https://openapi.akool.com/api/open/v3/faceswap/quota/info", quotaOptions);
