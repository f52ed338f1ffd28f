// Stylesheets do not matter in jsdom.
module.exports = {};
