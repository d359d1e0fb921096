const { app, BrowserWindow, ipcMain } = require("electron");
const Store = require("electron-store");

const store = new Store({
  defaults: { apiBase: "https://openapi.akool.com/api/open/v3", apiKey: "" },
});

ipcMain.handle("akool:talk", async (_e, { photo, audio }) => {
  const res = await fetch(store.get("apiBase") + "/content/video/createbytalkingphoto", {
    method: "POST",
    headers: { "x-api-key": store.get("apiKey"), "Content-Type": "application/json" },
    body: JSON.stringify({ talking_photo_url: photo, audio_url: audio, resolution: "480" }),
  });
  return res.json();
});

app.whenReady().then(() => {
  const win = new BrowserWindow({ width: 900, height: 700, webPreferences: { preload: __dirname + "/preload.js" } });
  win.loadFile("index.html");
});
