(self.chunks = self.chunks || []).push([
  [7],
  {
    4410: function (e, t, n) {
      var r = n(87066),
        o = n(67294);
      function c(e) {
        return r.Z.post("https://sg3.akool.com/detect", { single_face: !0, image_url: e }).then(function (e) {
          return e.data.landmarks_str;
        });
      }
      function u(e) {
        return (0, r.Z)({ method: "get", url: "https://openapi.akool.com/api/open/v3/faceswap/result/listbyids?_ids=" + e }).then((t) => t.data.data.result);
      }
    },
  },
]);
