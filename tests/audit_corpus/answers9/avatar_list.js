const headers = { "x-api-key": process.env.AKOOL_API_KEY };

async function listAvatars() {
  const res = await fetch("https://openapi.akool.com/api/open/v3/avatar/list?from=2&page=1&size=100", { headers });
  const data = await res.json();
  const items = data.data.result;
  const total = data.data.count;
  console.log(data.data.length, data.data[0].avatar_id);
  return { items, total };
}

async function listOurs() {
  const res = await fetch("https://catalog.example.com/avatars");
  const other = await res.json();
  return other.data.count;
}

module.exports = { listAvatars, listOurs };
