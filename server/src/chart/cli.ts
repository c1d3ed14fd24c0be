import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { NoteAnalysis } from '../analysis';
import { tableModels } from '../features/comparisonTable';
import type { KnowledgeBase, ModelEntity } from '../knowledge/types';
import type { Locale } from '../l10n';
import { loadChartRenderer } from './load';
import { modelsChartSpec, type ChartOptions } from './spec';

/** One note as the CLI read it: its analysis and its knowledge (front matter included). */
export interface ChartNote {
  analysis: NoteAnalysis;
  kb: KnowledgeBase;
}

export interface ChartCommandOptions extends Omit<ChartOptions, 'selection'> {
  /** Where the SVG goes; standard output when undefined. */
  out?: string;
  locale: Locale;
}

/**
 * `research-notes chart FILE|DIR…`: the models every note mentions (first mention first, across
 * the notes in order) drawn as one SVG. Exit status 0 when it is written, 1 when there is nothing
 * to draw, 2 when a note cannot be read.
 */
export async function chartCommand(
  files: readonly string[],
  read: (file: string) => Promise<ChartNote | undefined>,
  options: ChartCommandOptions,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  const models = new Map<string, ModelEntity>();
  const languages: Locale[] = [];
  let kb: KnowledgeBase | undefined;
  let status = 0;
  for (const file of files) {
    const note = await read(file);
    if (!note) {
      status = 2;
      continue;
    }
    const mentioned = tableModels(note.analysis, note.kb);
    for (const m of mentioned.models) if (!models.has(m.id)) models.set(m.id, m);
    languages.push(mentioned.language);
    kb = note.kb;
  }
  if (!kb) return status || 1;
  // Korean when most notes are.
  const language: Locale = languages.filter((l) => l === 'ko').length * 2 > languages.length ? 'ko' : 'en';
  const result = modelsChartSpec([...models.values()], kb, options, language, options.locale);
  if (!result.ok) {
    err(`research-notes: ${result.message}`);
    return status || 1;
  }
  const svg = loadChartRenderer()(result.spec);
  if (options.out === undefined) out(svg.replace(/\n$/, ''));
  else {
    mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
    writeFileSync(options.out, svg);
    out(`${options.out}: models drawn: ${result.spec.points.map((p) => p.name).join(', ')}${result.spec.caption ? `; ${result.spec.caption}` : ''}`);
  }
  return status;
}
