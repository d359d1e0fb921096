// AKOOL endpoints used by the bot.
module.exports = {
  PATHS: {
    detail: "/avatar/detail",
    remove: "/avatar/delete",
  },
};
