// A clone of AKOOL's website: its own account and asset API on api.akool.com, not the open API.
import axios from "axios";

export function login(email, password) {
  return axios.post("https://api.akool.com/api/v1/public/login", { email, password });
}

export function uploadAvatar(form) {
  return axios.post("https://api.akool.com/api/v1/upload", form);
}
