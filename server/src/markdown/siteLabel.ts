/**
 * A link whose whole text is the name of the site it points to (`[GitHub](https://github.com/…)`,
 * `[Hugging Face](https://huggingface.co/…)`, `[arXiv](https://arxiv.org/…)`) labels a place, it
 * does not mention an organization: its text is not prose. The name and the host's name without
 * its top-level domain must be the same letters and digits (`Artificial Analysis` =
 * `artificialanalysis.ai`); `[Mistral](https://huggingface.co/mistralai)` stays a mention.
 */
export function isSiteLabel(label: string, url: string): boolean {
  const name = label.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  if (name.length < 2) return false;
  const host = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?([^/?#:]+)/i.exec(url)?.[1]?.toLowerCase();
  if (!host) return false;
  const labels = host.replace(/^www\./, '').split('.');
  if (labels.length < 2) return false;
  return labels.slice(0, -1).join('').replace(/[^a-z0-9]/g, '') === name;
}
