"use strict";
(self.webpackChunk_N_E = self.webpackChunk_N_E || []).push([
  [405],
  {
    5557: function (e, t, a) {
      var i = a(87066);
      function s(e) {
        return i.Z.post("https://sg3.akool.com/detect", { single_face: !0, image_url: e }, { headers: { "x-api-key": "" } }).then((a) => a.data.landmarks_str);
      }
      async function l(e) {
        let t = await i.Z.post("https://sg3.akool.com/detect", { single_face: !0, image_url: e });
        return t.data.landmarks_str;
      }
    },
  },
]);
