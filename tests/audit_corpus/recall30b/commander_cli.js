#!/usr/bin/env node
// A small CLI: the option's default is what nearly every run sends.
const { program } = require("commander");
const axios = require("axios");

program
  .option("--base <url>", "AKOOL API base", "https://openapi.akool.com/api/open/v3")
  .option("-r, --resolution <r>", "720p or 1080p", "720p")
  .argument("<photo>")
  .argument("<audio>")
  .action(async (photo, audio) => {
    const opts = program.opts();
    const headers = { "x-api-key": process.env.AKOOL_API_KEY };
    const { data } = await axios.post(`${opts.base}/content/video/createbytalkingphoto`, {
      talking_photo_url: photo,
      audio_url: audio,
      resolution: opts.resolution,
    }, { headers });
    console.log(data.data._id);
  });

program.parseAsync();
