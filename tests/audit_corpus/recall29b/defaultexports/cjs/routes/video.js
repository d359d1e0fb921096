const akool = require("../lib/akoolCjsInstance");
akool.post("/content/video/createbytalkingphoto", { talking_photo_url: "a", audio: "b" });
akool.get(`/content/video/infobymodelid/${req.params.id}`);
