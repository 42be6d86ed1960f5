// `npm run bench`: the reference pipeline against Tagfit on the simulator, warm and large re-scores, peak memory.
import { parseArgs } from 'node:util';
import { adaptiveSection } from './bench/adaptive';
import { calibrationSection } from './bench/calibration';
import { confidenceSection } from './bench/confidence';
import { runPart } from './bench/child';
import { samplingSection, samplingTable } from './bench/sampling';
import { standinBench } from './bench/standin/bench';
import { runScenario, type ScenarioResult } from './bench/measure';
import { PARTS, type PartName, type PartOptions } from './bench/parts';
import { header, readmeTable, rescoreSection, scenarioSection, warmSection } from './bench/report';
import { speedSection } from './bench/speed';
import { scaleSection } from './bench-scale';
import { workbenchScale, workbenchScaleSection } from './bench/scale-workbench';
import { FULL_TAGS, QUICK_TAGS, RAISED_RPM, STANDARD_RPM, benchCandidates } from './bench/scenario';

const RESCORE_TAGS = 10_000;

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    part: { type: 'string' },
    api: { type: 'string', default: '' },
    tags: { type: 'string', default: String(FULL_TAGS) },
    rpm: { type: 'string', default: String(RAISED_RPM) },
    cacheDir: { type: 'string', default: '' },
    adaptive: { type: 'boolean', default: false },
    sampling: { type: 'boolean', default: false },
    standin: { type: 'boolean', default: false },
    seed: { type: 'string', default: '21' },
    confidence: { type: 'boolean', default: false },
    calibration: { type: 'boolean', default: false },
    speed: { type: 'boolean', default: false },
    scale: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    'scale-workbench': { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});

/** A child process: run one part and answer with one line of JSON on stdout. */
async function childPart(name: string): Promise<void> {
  if (!Object.hasOwn(PARTS, name))
    throw new Error(`unknown part "${name}": ${Object.keys(PARTS).join(', ')}`);
  const o: PartOptions = {
    api: values.api,
    tags: Number(values.tags),
    rpm: Number(values.rpm),
    cacheDir: values.cacheDir,
  };
  const out = await PARTS[name as PartName](o);
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

async function main(quick: boolean): Promise<void> {
  const tags = quick ? QUICK_TAGS : FULL_TAGS;
  const plans = quick ? [RAISED_RPM] : [RAISED_RPM, STANDARD_RPM];
  console.log(`${header(benchCandidates(tags), quick)}\n`);
  const scenarios: ScenarioResult[] = [];
  for (const [i, rpm] of plans.entries()) {
    const s = await runScenario(rpm, tags, i === 0);
    scenarios.push(s);
    console.log(`${scenarioSection(s)}\n`);
    if (s.warm) console.log(`${warmSection(s)}\n`);
  }
  process.stderr.write(`re-score of ${RESCORE_TAGS} synthetic tags…\n`);
  const rescore = await runPart('rescore', { tags: RESCORE_TAGS });
  console.log(`${rescoreSection(rescore)}\n`);
  console.log(`== for the README ==\n${readmeTable(scenarios, rescore)}`);
  console.log(`\n${await adaptiveSection()}`);
  console.log(`\n${samplingSection(await samplingTable())}`);
  console.log(`\n${await confidenceSection()}`);
  console.log(`\n${await speedSection()}`);
}

// `--adaptive`: only the comparison of adaptive with full sampling (about a minute); `--sampling`: only the sampling
// table (10 to 200 tags under three page orders, 26 regions a row, about 25 minutes); `--standin [--seed n]`: the
// same comparison on the independent stand-in API (scripts/bench/standin, 23 × 25 and 175 × 5, about a minute);
// `--confidence`: only what the confidence costs (seconds); `--calibration [--quick] [--only <name>]`: only the calibration tables
// (scripts/bench/calibration.ts); `--speed`: only the times the tests no longer bound (seconds); `--scale`: only the
// workbench at agency scale, 50 × 4 to 500 × 25 (scripts/bench-scale.ts, a few minutes; `--sizes 500x25` only that
// size, or a comma-separated list); `--scale-workbench`: the
// browser preview driven on a real 200 × 25 run (scripts/bench/scale-workbench.ts, about three minutes).
await (values.part
  ? childPart(values.part)
  : values.calibration
    ? calibrationSection(values.quick, values.only).then((s) => console.log(s))
    : values.adaptive
      ? adaptiveSection().then((s) => console.log(s))
      : values.sampling
        ? samplingTable().then((rows) => console.log(samplingSection(rows)))
        : values.standin
          ? standinBench(Number(values.seed)).then((s) => console.log(s))
          : values.confidence
            ? confidenceSection().then((s) => console.log(s))
            : values.speed
              ? speedSection().then((s) => console.log(s))
              : values.scale
                ? scaleSection(values.sizes).then((s) => console.log(s))
                : values['scale-workbench']
                  ? workbenchScale().then((w) => console.log(workbenchScaleSection(w)))
                  : main(values.quick));
