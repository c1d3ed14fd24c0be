import * as assert from 'node:assert/strict';

// What the built server answers on the example note and the fixtures (English
// UI), exactly; every client (VS Code, Neovim) must show the same.
export const DEEPSEEK_V3_1 = '**DeepSeek-V3.1** · model · DeepSeek';
export const PARAMETERS = {
  auto: '- Parameters: 671B (6710억) total · 37B (370억) active',
  B: '- Parameters: 671B total · 37B active',
  억: '- Parameters: 6710억 total · 370억 active',
  both: '- Parameters: 671B (6710억) total · 37B (370억) active',
} as const;
export const SK_TELECOM = '**SK Telecom** · organization · company · KR';
export const LG_AI_RESEARCH = '**LG AI Research** · organization · lab · KR';

/**
 * How Insert Comparison Table starts at the end of fixtures/table.md, up to the first
 * footnote's source.
 */
export const TABLE_MD_TABLE_HEAD = [
  '<!-- research-notes:table -->',
  '| Model                 | Organization | Parameters | Active | Architecture | Release    | Open weights | Context |',
  '| --------------------- | ------------ | ---------: | -----: | ------------ | ---------- | ------------ | ------: |',
  '| DeepSeek-V3.1[^rn-1]  | DeepSeek     |       671B |    37B | MoE          | 2025-08-21 | yes          |    128K |',
  '| Llama 3.1 405B[^rn-2] | Meta         |       405B |   405B | dense        | 2024-07-23 | yes          |    128K |',
  '',
  // The footnotes cite the bundled data's live sources: the tests compare them with the CLI's output, never pin them.
  '[^rn-1]: DeepSeek-V3.1 — ',
].join('\n');
export const TABLE_END = '\n<!-- /research-notes:table -->\n';

/**
 * Asserts a hover's Markdown: its first line, and that each of `lines` is one of
 * its lines, exactly. The message carries the whole hover, so a broken hover
 * shows what it said.
 */
export function assertHover(hover: string | null | undefined, firstLine: string, lines: readonly string[] = []): void {
  if (hover == null) assert.fail(`Expected a hover starting with ${JSON.stringify(firstLine)}, got none`);
  const got = hover.split('\n');
  const missing = lines.filter((line) => !got.includes(line)).map((line) => `the line ${JSON.stringify(line)}`);
  if (got[0] !== firstLine) missing.unshift(`the first line ${JSON.stringify(firstLine)}`);
  if (missing.length) assert.fail(`Unexpected hover, expected ${missing.join(' and ')}; the hover was:\n${hover}`);
}
