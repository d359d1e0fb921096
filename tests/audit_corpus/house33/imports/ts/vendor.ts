// A vendor's own base, given by the caller: `vendor.apiBase` is no import of config.ts's apiBase.
interface Vendor {
  apiBase: string;
  token: string;
}

export async function vendorCredit(vendor: Vendor) {
  const r = await fetch(`${vendor.apiBase}/faceswap/quota/infos`, {
    headers: { Authorization: `Bearer ${vendor.token}` },
  });
  return r.json();
}
