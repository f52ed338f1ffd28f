// Stand-in for lottie (NutUI's animation dependency), unused by our pages.
const Empty = () => null;
module.exports = Empty;
module.exports.default = Empty;
module.exports.__esModule = true;
