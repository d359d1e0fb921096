type PlusStyle = "realistic" | "beautify" | "anime";
interface PlusOptions { style?: PlusStyle }
const V4 = "https://openapi.akool.com/api/open/v4";

export async function faceswapPlus(source: string, target: string, opts: PlusOptions = {}) {
  const res = await fetch(`${V4}/faceswap/faceswapPlusByImage`, {
    method: "POST",
    body: JSON.stringify({ source_url: source, target_url: target, model_style: opts.style }),
  });
  return res.json();
}
