import { submit } from "~/lib/akool-client";

export default function SwapButton({ url }: { url: string }) {
  const onClick = () => submit("/v4/headswap/task/make", { image_url: url });
  return <button onClick={onClick}>Swap</button>;
}
