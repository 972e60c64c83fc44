import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Row } from './scenarios';

/** Where in the README the bench puts its tables: right below this line, the newest first. */
export const README_MARK = '<!-- npm run bench writes its dated tables below this line, the newest first -->';

const ms = (n: number | undefined) => (n === undefined ? '' : n < 10 ? `${n.toFixed(1)} ms` : `${Math.round(n)} ms`);

/** ✓ or ✗ after the target: the scenario's own verdict, else a "≤ N ms" target against the p95. */
function verdict(r: Row): string {
  const limit = /^≤ ([\d,]+) ms$/.exec(r.target ?? '');
  const met = r.met ?? (limit && r.p95 !== undefined ? r.p95 <= Number(limit[1]?.replace(/,/g, '')) : undefined);
  return met === undefined ? '' : met ? ' ✓' : ' ✗';
}

export function markdownTable(rows: readonly Row[]): string {
  const lines = ['| scenario | p50 | p95 | or | target |', '| --- | ---: | ---: | --- | --- |'];
  for (const r of rows) lines.push(`| ${r.scenario.trim()} | ${ms(r.p50)} | ${ms(r.p95)} | ${r.figure ?? ''} | ${r.target ?? ''}${verdict(r)} |`);
  return lines.join('\n');
}

export interface BenchSection {
  title: string;
  rows: readonly Row[];
}

/** The dated block for the README: one table per database that ran. */
export function benchBlock(date: string, machine: string, sections: readonly BenchSection[]): string {
  return [`#### \`npm run bench\`, ${date} (${machine})`, '', ...sections.flatMap((s) => [`**${s.title}**`, '', markdownTable(s.rows), ''])].join('\n');
}

/** Puts the block under README_MARK, above the tables of earlier runs (kept for comparison). */
export function writeToReadme(block: string, readmePath = fileURLToPath(new URL('../README.md', import.meta.url))): boolean {
  const text = readFileSync(readmePath, 'utf8');
  const at = text.indexOf(README_MARK);
  if (at < 0) return false;
  const end = at + README_MARK.length;
  writeFileSync(readmePath, `${text.slice(0, end)}\n\n${block.trimEnd()}\n${text.slice(end)}`);
  return true;
}
