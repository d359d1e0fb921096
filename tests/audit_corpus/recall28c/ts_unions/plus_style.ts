type PlusStyle = "realistic" | "beautify" | "anime";
const V4 = "https://openapi.akool.com/api/open/v4";

export async function faceswapPlus(source: string, target: string, style: PlusStyle) {
  const res = await fetch(`${V4}/faceswap/faceswapPlusByImage`, {
    method: "POST",
    body: JSON.stringify({ source_url: source, target_url: target, model_style: style }),
  });
  return res.json();
}
