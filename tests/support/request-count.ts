import http from 'http';

/**
 * Counts the database requests a piece of work makes, at the gateway: every database call the SDK sends is one HTTP
 * request (calls sent side by side are several requests but one wait). Registers the test file's hooks that wrap
 * and restore `http.request`, so call it at the top of the file.
 */
export function countingRequests(): {
  counted<T>(work: () => Promise<T>): Promise<{ result: T; trips: number }>;
  trips(work: () => Promise<unknown>): Promise<number>;
} {
  let requests = 0;
  const realRequest = http.request;
  beforeAll(() => {
    (http as { request: typeof http.request }).request = ((...args: Parameters<typeof http.request>) => {
      requests += 1;
      return realRequest(...args);
    }) as typeof http.request;
  });
  afterAll(() => {
    (http as { request: typeof http.request }).request = realRequest;
  });
  const counted = async <T>(work: () => Promise<T>) => {
    requests = 0;
    const result = await work();
    return { result, trips: requests };
  };
  return { counted, trips: async (work) => (await counted(work)).trips };
}
