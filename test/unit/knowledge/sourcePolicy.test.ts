import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkSources, classifySource, loadBundledKnowledge, officialPlaces, type SourcePolicy } from '../../../server/src/knowledge/index';
import { bundledKnowledge } from '../../support/knowledge';

const dataDir = resolve(__dirname, '../../../server/data');
const policy = JSON.parse(readFileSync(join(dataDir, 'official-sources.json'), 'utf8')) as SourcePolicy;

describe('knowledge/sourcePolicy', () => {
  const { kb } = bundledKnowledge();
  const classify = (url: string, makers: string[]) => classifySource(url, officialPlaces(policy, kb, makers), policy).class;

  it('counts the maker’s own pages and the authors’ papers as primary', () => {
    assert.equal(classify('https://huggingface.co/deepseek-ai/DeepSeek-V3.1', ['deepseek']), 'primary');
    assert.equal(classify('https://github.com/deepseek-ai/DeepSeek-V3/blob/main/README.md', ['deepseek']), 'primary');
    assert.equal(classify('https://api-docs.deepseek.com/news/news250821', ['deepseek']), 'primary');
    assert.equal(classify('https://www.anthropic.com/news/claude-4', ['anthropic']), 'primary');
    assert.equal(classify('https://arxiv.org/abs/2412.19437', ['deepseek']), 'primary');
    assert.equal(classify('https://aclanthology.org/2024.acl-long.1/', ['lg-ai-research']), 'primary');
    // A platform's own docs are primary for the platform, though the platform is no source for others.
    assert.equal(classify('https://ollama.com/library', ['ollama']), 'primary');
  });

  it('counts reputable others as secondary: press, cloud docs about another vendor, Hugging Face’s own docs', () => {
    assert.equal(classify('https://www.zdnet.co.kr/view/?no=20251119000000', ['sk-telecom']), 'secondary');
    assert.equal(classify('https://docs.aws.amazon.com/bedrock/latest/userguide/model-card-anthropic-claude-3-5-haiku.html', ['anthropic']), 'secondary');
    assert.equal(classify('https://huggingface.co/docs/transformers/model_doc/deepseek_v3', ['deepseek']), 'secondary');
  });

  it('rejects aggregators, pastes, forums, other owners’ repositories and another model’s page', () => {
    assert.equal(classify('https://openrouter.ai/deepseek/deepseek-chat-v3.1', ['deepseek']), 'rejected');
    assert.equal(classify('https://ollama.com/library/mixtral:8x7b', ['mistral-ai']), 'rejected');
    assert.equal(classify('https://web-tau-bice-50.vercel.app/item/35156664', ['openai']), 'rejected');
    assert.equal(classify('https://docs.rs/some-crate/latest/src/models.rs.html', ['anthropic']), 'rejected');
    assert.equal(classify('https://pastebin.com/abc123', ['google-deepmind']), 'rejected');
    assert.equal(classify('https://community.openai.com/t/gpt-4-context/1', ['openai']), 'rejected');
    assert.equal(classify('https://huggingface.co/unsloth/Qwen3-235B-A22B-GGUF', ['alibaba-qwen']), 'rejected');
    assert.equal(classify('https://github.com/MoonshotAI/Kimi-K2/blob/main/README.md', ['deepseek']), 'rejected');
    assert.equal(classify('https://huggingface.co/spaces/SE-Arena/Software-Engineering-Arena', ['anthropic']), 'rejected');
  });

  it('holds the bundled data to the rules: no rejected or unlabelled source, every shown fact primary or marked', () => {
    const files = loadBundledKnowledge(dataDir);
    assert.deepEqual(checkSources(files, kb, policy).map((p) => p.message), []);
  });

  it('reports each kind of problem at its place', () => {
    const uri = 'memory:/m.yaml';
    const model = { kind: 'model' as const, id: 'x-1', name: 'X-1', aliases: [], organization: 'deepseek', parameters: { total: 1e9 }, release: '2025' };
    const at = (path: string) => ({ start: { line: path.length, character: 0 }, end: { line: path.length, character: 1 } });
    const file = (sources: { url: string; kind?: 'press' | 'model card'; secondary?: boolean }[], extra = {}) => ({
      uri,
      entities: [{ ...model, sources, ...extra }],
      origins: new Map(),
      problems: [],
      ignore: [],
      fieldRanges: new Map([['x-1', new Map(['id', 'parameters', 'release', 'sources[0]'].map((p) => [p, at(p)]))]]),
    });
    assert.deepEqual(
      checkSources([file([{ url: 'https://openrouter.ai/x', kind: 'model card' }])], kb, policy).map((p) => p.message),
      [
        'Unexpected source https://openrouter.ai/x of `x-1` (`openrouter.ai` is an aggregator, paste, wiki, forum or reseller), expected the document that states the fact',
        'Unexpected `parameters` of `x-1` without a primary source, expected a primary source or `parameters` in `secondary` or `unverified`',
        'Unexpected `release` of `x-1` without a primary source, expected a primary source or `release` in `secondary` or `unverified`',
      ],
    );
    assert.deepEqual(
      checkSources([file([{ url: 'https://www.zdnet.com/a' }], { secondary: ['parameters', 'release'] })], kb, policy).map((p) => p.message),
      [
        'Unexpected unmarked source https://www.zdnet.com/a of `x-1` (`zdnet.com` is not the maker\'s), expected `secondary: true` or a page of the maker',
        'Missing `kind` of source https://www.zdnet.com/a in `x-1`, expected what the document is (`model card`, `paper`, `announcement`, ...)',
      ],
    );
    assert.deepEqual(checkSources([file([{ url: 'https://huggingface.co/deepseek-ai/x-1', kind: 'model card' }])], kb, policy), []);
  });
});
