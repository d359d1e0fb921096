import axios from "axios";

// AKOOL's website only: its sign-in and the account's profile.
const siteClient = axios.create({ baseURL: "https://api.akool.com" });

export const signInOnSite = (email: string, password: string) =>
  siteClient.post("/api/v1/public/login", { email, password });
