/**
 * The script of the Show Models Chart webview, inlined with the page's nonce as
 * `(${chartViewScript})(data)`: it must not refer to anything outside its own body. It maps
 * pointer, focus and keyboard events on the SVG's marks (`data-point`, set by the server) to
 * the points' data: a hover or focus shows the model's facts and the notes that mention it, a
 * click or Enter asks the extension to open the note with the most mentions. Text is set with
 * `textContent` only: names and facts come from knowledge files and are never markup.
 */

/** What the page gives the script: per point, in the order of the server's `points`. */
export interface ChartViewData {
  points: { name: string; facts: string[]; notes: string[]; open?: string }[];
  words: { mentionedIn: string };
}

/** Messages the script posts to the extension. */
export type ChartViewMessage =
  | { type: 'ready'; marks: number; points: number }
  | { type: 'open'; point: number }
  /** The answer to `{ type: 'hover', point }`: the tooltip's lines after a pointer event on the point's first mark. */
  | { type: 'hovered'; point: number; lines: string[] };

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

export function chartViewScript(data: ChartViewData): void {
  const vscode = acquireVsCodeApi();
  const tip = document.getElementById('tip') as HTMLElement;
  const marks = Array.from(document.querySelectorAll<SVGElement>('svg [data-point]'));
  let lines: string[] = [];

  const add = (parent: HTMLElement, tag: string, text: string): void => {
    const element = document.createElement(tag);
    element.textContent = text;
    parent.append(element);
  };
  const show = (mark: SVGElement): void => {
    const p = data.points[Number(mark.dataset.point)];
    if (!p) return;
    tip.replaceChildren();
    add(tip, 'strong', p.name);
    const facts = document.createElement('ul');
    for (const fact of p.facts) add(facts, 'li', fact);
    tip.append(facts);
    add(tip, 'div', data.words.mentionedIn);
    const notes = document.createElement('ul');
    for (const note of p.notes) add(notes, 'li', note);
    tip.append(notes);
    if (p.open) add(tip, 'em', p.open);
    lines = [p.name, ...p.facts, data.words.mentionedIn, ...p.notes, ...(p.open ? [p.open] : [])];
    tip.hidden = false;
    const box = mark.getBoundingClientRect();
    const left = Math.min(box.right + 8, window.innerWidth - tip.offsetWidth - 8);
    const top = Math.min(box.top, window.innerHeight - tip.offsetHeight - 8);
    tip.style.left = `${Math.max(8, left)}px`;
    tip.style.top = `${Math.max(8, top)}px`;
  };
  const hide = (): void => {
    tip.hidden = true;
    lines = [];
  };
  const open = (mark: SVGElement): void => vscode.postMessage({ type: 'open', point: Number(mark.dataset.point) });

  for (const mark of marks) {
    const p = data.points[Number(mark.dataset.point)];
    mark.setAttribute('tabindex', '0');
    mark.setAttribute('role', 'button');
    if (p) mark.setAttribute('aria-label', p.name);
    mark.addEventListener('pointerenter', () => show(mark));
    mark.addEventListener('focus', () => show(mark));
    mark.addEventListener('pointerleave', hide);
    mark.addEventListener('blur', hide);
    mark.addEventListener('click', () => open(mark));
    mark.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      open(mark);
    });
  }
  // The extension's probes (its tests): the same events a pointer sends, on the point's first mark.
  window.addEventListener('message', (event: MessageEvent<{ type?: string; point?: number }>) => {
    const mark = marks.find((m) => m.dataset.point === String(event.data?.point));
    if (event.data?.type === 'click') mark?.dispatchEvent(new MouseEvent('click'));
    if (event.data?.type !== 'hover') return;
    hide();
    mark?.dispatchEvent(new PointerEvent('pointerenter'));
    vscode.postMessage({ type: 'hovered', point: event.data.point, lines });
  });
  vscode.postMessage({ type: 'ready', marks: marks.length, points: new Set(marks.map((m) => m.dataset.point)).size });
}
