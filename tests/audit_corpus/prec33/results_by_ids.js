const headers = { "x-api-key": process.env.AKOOL_API_KEY, "Content-Type": "application/json" };

export async function results() {
  const r = await fetch("https://openapi.akool.com/api/open/v4/image2Video/resultsByIds", {
    method: "POST",
    headers,
    body: JSON.stringify({ _ids: ["68919a464b4dbdd4ab3d3034", "6891a07f5d612f78c9204f1c"] }),
  });
  return (await r.json()).data;
}

export async function resultsJoined(ids) {
  const r = await fetch("https://openapi.akool.com/api/open/v4/image2Video/resultsByIds", {
    method: "POST",
    headers,
    body: JSON.stringify({ _ids: ids.join(",") }),
  });
  return (await r.json()).data;
}
