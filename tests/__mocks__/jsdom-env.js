// jsdom, plus the Node globals the real cloud functions and the SDK need when pages call them in-process
// through the harness (jsdom hides some of them).
const JsdomEnvironment = require('jest-environment-jsdom').default;

class PagesEnvironment extends JsdomEnvironment {
  constructor(config, context) {
    super(config, context);
    const g = this.global;
    for (const name of ['TextEncoder', 'TextDecoder', 'structuredClone', 'setImmediate', 'clearImmediate', 'ReadableStream', 'Blob']) {
      if (typeof g[name] === 'undefined' && typeof globalThis[name] !== 'undefined') g[name] = globalThis[name];
    }
  }
}

module.exports = PagesEnvironment;
