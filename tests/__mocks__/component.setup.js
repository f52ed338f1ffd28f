// The H5 branch of callCloud runs in component tests.
process.env.TARO_ENV = 'h5';

// Taro's Stencil textarea does not render its inner <textarea> in jsdom, so its value watcher logs a
// TypeError on every change there (not in a browser). Drop that one known line; everything else shows.
const consoleError = console.error;
console.error = (...args) => {
  const first = args[0];
  if (first instanceof TypeError && String(first.stack).includes('taro-textarea-core')) return;
  consoleError(...args);
};
