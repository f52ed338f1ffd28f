// The H5 branch of callCloud runs in component tests.
process.env.TARO_ENV = 'h5';
