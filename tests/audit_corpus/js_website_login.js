// A clone of AKOOL's website: its own account API and links, not the open API. No findings expected.
import axios from "axios";

export function login(email, password) {
  return axios.post("https://api.akool.com/api/v1/public/login", { email, password });
}

export function verify(code) {
  return axios.post("https://api.akool.com/api/v1/public/verify-otp", { code });
}

export const PRICING = "https://akool.com/pricing";
export const DOCS = "https://docs.akool.com/ai-tools-suite/faceswap";
