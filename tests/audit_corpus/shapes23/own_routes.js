// The app's own routes in a table whose key is also the name of a helper's parameter: the rows
// are not AKOOL's (the parameter is given a literal, never a row).
const AKOOL = "https://openapi.akool.com/api/open/v3";
const ROUTES = {
  home: { path: "/dashboard/home", title: "Home" },
  jobs: { path: "/dashboard/jobs", title: "Jobs" },
};

async function akoolGet(path, query) {
  const res = await fetch(`${AKOOL}${path}?${new URLSearchParams(query)}`);
  return res.json();
}

async function status(path, id) {
  return akoolGet(path, { video_model_id: id });
}

export function menu() {
  return Object.values(ROUTES).map((r) => r.title);
}

export const check = (id) => status("/content/video/infobymodelid", id);
