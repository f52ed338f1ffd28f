/**
 * `npm run deploy`: builds the functions and the weapp, checks the whole plan, then puts every collection, function
 * and the mini-program in place. `npm run deploy -- --dry-run` does everything but the calls to Tencent.
 *
 *   --dry-run            print the plan and its problems; exit 1 on any problem
 *   --env <name>         deploy/environments/<name>.json (default: TXTD_DEPLOY_ENV, else production)
 *   --upload preview     upload the mini-program as a preview and write a QR code (default)
 *   --upload version --version 1.4.0    upload it as a version to submit for review
 *   --upload none        only the cloud side
 *   --skip-build         use the builds already in dist/
 *   --desc "..."         the upload's description
 */
import { spawnSync } from 'child_process';
import { join } from 'path';
import { buildAllFunctions, FUNCTIONS_OUT } from '../build-functions';
import { applyPlan, credentialsFrom, CREDENTIAL_VARIABLES, toolProblems, type UploadMode } from './apply';
import { formatPlan, makePlan, type DeployPlan } from './plan';
import { functionEnvironment, loadEnvironmentConfig, templateProblems } from './templates';

const root = join(__dirname, '..', '..');
const WEAPP_OUT = join(root, 'dist', 'weapp');

export interface DeployArgs {
  dryRun: boolean;
  env: string;
  upload: UploadMode;
  skipBuild: boolean;
  description: string;
}

export function parseArgs(argv: string[], env: Record<string, string | undefined> = process.env): DeployArgs {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const uploadKind = value('--upload') ?? 'preview';
  const version = value('--version');
  let upload: UploadMode;
  if (uploadKind === 'none') upload = { kind: 'none' };
  else if (uploadKind === 'preview') upload = { kind: 'preview' };
  else if (uploadKind === 'version') {
    if (!version || !/^\d+\.\d+\.\d+$/.test(version)) throw new Error('--upload version needs --version x.y.z');
    upload = { kind: 'version', version };
  } else throw new Error(`--upload is preview, version or none, not ${uploadKind}`);
  return {
    dryRun: argv.includes('--dry-run'),
    env: value('--env') ?? env.TXTD_DEPLOY_ENV ?? 'production',
    upload,
    skipBuild: argv.includes('--skip-build'),
    description: value('--desc') ?? `同心梯队 ${new Date().toISOString().slice(0, 10)}`,
  };
}

function runBuild(script: string, env: string): void {
  const res = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit', env: { ...process.env, TXTD_DEPLOY_ENV: env } });
  if (res.status !== 0) throw new Error(`npm run ${script} failed`);
}

/** Everything but the calls to Tencent: the builds, the plan, the environment's configuration and the tools. */
export async function preparePlan(args: DeployArgs, log: (line: string) => void = console.log): Promise<{ plan: DeployPlan; settings: Record<string, string> }> {
  let built;
  if (args.skipBuild) {
    const { readManifest } = await import('../build-functions');
    built = readManifest();
  } else {
    runBuild('build:weapp', args.env);
    built = await buildAllFunctions();
  }
  const plan = makePlan(built, { functions: FUNCTIONS_OUT, weapp: WEAPP_OUT });
  let settings: Record<string, string> = {};
  try {
    const config = loadEnvironmentConfig(args.env);
    plan.problems.push(...templateProblems(config).map((p) => `deploy/environments/${args.env}.json: ${p}`));
    settings = functionEnvironment(config);
  } catch (err) {
    plan.problems.push(`deploy/environments/${args.env}.json: ${(err as Error).message}`);
  }
  plan.problems.push(...toolProblems());
  log(formatPlan(plan));
  return { plan, settings };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  console.log(`${args.dryRun ? 'Dry run' : 'Deploy'} of environment "${args.env}"\n`);
  const { plan, settings } = await preparePlan(args);
  const { credentials, missing } = credentialsFrom(process.env);
  if (args.dryRun) {
    console.log(`\nA deploy reads ${Object.values(CREDENTIAL_VARIABLES).join(', ')}${missing.length ? ` (not set here: ${missing.join(', ')})` : ''}.`);
    if (plan.problems.length) process.exit(1);
    console.log('Dry run: nothing was sent.');
    return;
  }
  if (plan.problems.length) throw new Error('the plan has problems: nothing was sent');
  if (args.env === 'local') throw new Error('the local environment holds fixture template ids: deploy with --env <name> (deploy/environments/<name>.json)');
  if (!credentials) throw new Error(`set ${missing.join(', ')} (never in the repository)`);
  await applyPlan(plan, { credentials, functionsDir: FUNCTIONS_OUT, weappDir: WEAPP_OUT, settingsFromConfig: settings, upload: args.upload, description: args.description });
  console.log('\nDeployed.');
}

if (require.main === module) {
  main().catch((err: Error) => {
    console.error(`\n✘ ${err.message}`);
    process.exit(1);
  });
}
