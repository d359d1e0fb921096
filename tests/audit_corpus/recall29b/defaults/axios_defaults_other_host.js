const axios = require("axios");
axios.defaults.baseURL = "https://api.example.com/v1";
async function go() { return (await axios.post("/content/video/lipsyncc", {})).data; }
