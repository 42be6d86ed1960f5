// `npm run bench -- --calibration`: every calibration of the numbers around a score, as tables. Each measurement
// lives in its own module and adds itself to CALIBRATIONS below (one line: its name and a function of rows).
import { machine, today } from './report';
import { intervalRows } from './calibration-intervals';
import { discoveryRows } from './calibration-discovery';
import { alertRows } from './calibration-alerts';
import { trackRows } from './calibration-track';

import type { CalibrationRow } from './calibration-row';

export type { CalibrationRow };

export interface Calibration {
  name: string;
  /** The table's rows, all with the same keys (the columns); `quick` asks for fewer simulated cases. */
  run(quick: boolean): CalibrationRow[] | Promise<CalibrationRow[]>;
}

/** The calibrations, in the order they are printed. Add yours here. */
export const CALIBRATIONS: Calibration[] = [
  { name: 'Score intervals and labels (simulated tags with a known truth)', run: intervalRows },
  {
    name: 'Discovery: chance suggestions and power (Benjamini-Hochberg, creators as units)',
    run: discoveryRows,
  },
  {
    name: 'Watch alerts: false movement alerts when nothing changed, power for velocity 0.3 -> 0.6',
    run: alertRows,
  },
  {
    name: 'Track record: false verdicts under an age trend with no tag effect (tags switched two weeks ago)',
    run: trackRows,
  },
];

/** Rows as a Markdown table. */
export function markdownTable(rows: readonly CalibrationRow[]): string {
  if (rows.length === 0) return '(no rows)';
  const cols = Object.keys(rows[0]!);
  const line = (cells: readonly (string | number)[]): string => `| ${cells.join(' | ')} |`;
  return [
    line(cols),
    line(cols.map(() => '---')),
    ...rows.map((r) => line(cols.map((c) => r[c] ?? ''))),
  ].join('\n');
}

export async function calibrationSection(quick = false, only?: string): Promise<string> {
  const out = [`== Calibration (${today()}, ${machine()}) ==`];
  for (const c of CALIBRATIONS) {
    if (only && !c.name.toLowerCase().includes(only.toLowerCase())) continue;
    process.stderr.write(`calibration: ${c.name}…\n`);
    out.push(`\n### ${c.name}\n\n${markdownTable(await c.run(quick))}`);
  }
  return out.join('\n');
}
