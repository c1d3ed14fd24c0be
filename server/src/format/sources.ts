/**
 * Citations as a reader sees them: the documents that state an entity's facts, primary first,
 * each labelled by what it is ("model card", "paper") rather than by a truncated URL.
 */
import type { Source, SourceKind } from '../knowledge/types';
import type { Locale } from '../l10n';
import { safeUrl } from './markdown';

const LABELS: Record<Locale, Record<SourceKind, string>> = {
  en: {
    'model card': 'model card',
    paper: 'paper',
    announcement: 'announcement',
    docs: 'docs',
    repository: 'repository',
    pricing: 'pricing page',
    press: 'press',
    benchmark: 'benchmark',
    website: 'website',
  },
  ko: {
    'model card': '모델 카드',
    paper: '논문',
    announcement: '발표',
    docs: '문서',
    repository: '저장소',
    pricing: '가격 페이지',
    press: '보도',
    benchmark: '벤치마크',
    website: '웹사이트',
  },
};

/**
 * Sources with a usable http(s) URL, primary (not `secondary`) first, in file order otherwise.
 * Remembered per list: a note's diagnostics cite the same few models' sources thousands of times,
 * and each URL is parsed to be judged.
 */
export function rankedSources(sources: readonly Source[]): readonly Source[] {
  let ranked = rankedCache.get(sources);
  if (ranked === undefined) {
    const usable = sources.filter((s) => safeUrl(s.url));
    ranked = Object.freeze([...usable.filter((s) => !s.secondary), ...usable.filter((s) => s.secondary)]);
    rankedCache.set(sources, ranked);
  }
  return ranked;
}

const rankedCache = new WeakMap<readonly Source[], readonly Source[]>();

/** `model card`, `논문`; a source without a kind is named by its host. */
export function sourceLabel(source: Source, locale: Locale): string {
  if (source.kind) return LABELS[locale][source.kind];
  return safeUrl(source.url)?.hostname.replace(/^www\./, '') ?? source.url;
}
