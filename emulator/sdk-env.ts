// The environment that points the real @cloudbase/node-sdk (3.18.x) at the emulator gateway, with no
// change to function code. What the SDK actually reads (node_modules/@cloudbase/node-sdk/src/utils):
// - TCB_CONTEXT_CNFG: JSON whose `URL` replaces the API endpoint (tcbcontext.ts getServerInjectUrl, used
//   by tcbapiendpoint.ts buildUrl).
// - TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY: without a key pair the SDK refuses to send anything
//   (tcbapirequester.ts getCredentialsOnDemand); the gateway does not check the signature.
// - TENCENTCLOUD=true: cloudplatform.ts checkIsInTencentCloud short-cuts the metadata.tencentyun.com probe
//   (about 56 ms a call otherwise).
// - SCF_NAMESPACE: the env id for tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }) (getEnvIdFromContext reads
//   TCB_ENV || SCF_NAMESPACE, and only SCF_NAMESPACE comes from process.env by default; TCB_ENV is read
//   only when listed in TCB_CONTEXT_KEYS, so it is set too for code that reads it directly).
// - TXTD_DB_TIMEOUT_MS (ours, cloudfunctions/_core/db.ts): the emulator answers one request at a time, so a burst
//   of hundreds of calls on a busy 2-core machine can queue a request past the SDK's default timeout, where
//   CloudBase would answer them side by side; locally a request may wait a minute.
// TENCENTCLOUD_RUNENV is deliberately NOT set: 'SCF' would make the SDK warn about a missing region.
export const LOCAL_ENV_ID = 'local';

export function sdkEnv(adminUrl: string): Record<string, string> {
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: adminUrl }),
    TENCENTCLOUD_SECRETID: 'local-emulator-secret-id',
    TENCENTCLOUD_SECRETKEY: 'local-emulator-secret-key',
    TENCENTCLOUD: 'true',
    TCB_ENV: LOCAL_ENV_ID,
    SCF_NAMESPACE: LOCAL_ENV_ID,
    TXTD_DB_TIMEOUT_MS: '60000',
  };
}
