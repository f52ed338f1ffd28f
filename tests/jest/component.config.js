// component: pages and components in jsdom with Testing Library, the way the H5 build renders them
// (notes/taro.md, "Tests"). Pages call the real cloud functions through tests/support/harness.ts.
const base = require('./base.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  displayName: 'component',
  testEnvironment: '<rootDir>/tests/__mocks__/jsdom-env.js',
  testMatch: ['<rootDir>/tests/component/**/*.test.ts?(x)'],
  setupFiles: ['<rootDir>/tests/__mocks__/component.setup.js'],
  setupFilesAfterEnv: ['<rootDir>/tests/__mocks__/component.after-env.js'],
  moduleNameMapper: {
    // The React wrappers of Taro's web components, as the H5 build uses them.
    '^@tarojs/components$': '<rootDir>/node_modules/@tarojs/components/lib/react/index.js',
    '^@tarojs/taro$': '<rootDir>/tests/__mocks__/taro.ts',
    // NutUI's ES build instead of its 1.9 MB UMD bundle.
    '^@nutui/nutui-react-taro$': '<rootDir>/node_modules/@nutui/nutui-react-taro/dist/es/packages/nutui.react.build.js',
    '^lottie-react$': '<rootDir>/tests/__mocks__/empty-component.js',
    '^@nutui/lottie-miniprogram$': '<rootDir>/tests/__mocks__/empty-component.js',
    '\\.(css|scss|sass|less)$': '<rootDir>/tests/__mocks__/style.js',
    ...base.moduleNameMapper,
  },
  transform: {
    ...base.transform,
    '^.+\\.mjs$': base.transform['^.+\\.(t|j)sx?$'],
  },
  // Taro, Stencil, NutUI and swiper ship untranspiled ESM (also in the folders nested under them).
  transformIgnorePatterns: ['^(?!.*/node_modules/(@tarojs|@stencil|@nutui|swiper|@swc/helpers)/).*/node_modules/'],
  // Build-time constants Taro's runtime reads.
  globals: {
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: true,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_MUTATION_OBSERVER: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    DEPRECATED_ADAPTER_COMPONENT: false,
    __TARO_FRAMEWORK__: 'react',
  },
};
