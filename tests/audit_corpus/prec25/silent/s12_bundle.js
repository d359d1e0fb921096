(self.webpackChunk_app = self.webpackChunk_app || []).push([[12], {
  9001: function (e, t, n) {
    var o = n(9669);
    function r(e) {
      return o.default.post("https://openapi.akool.com/api/open/v3/faceswap/highquality/specifyimage", e).then(function (e) {
        return e.data.data._id;
      });
    }
    t.swap = r;
  },
}]);
