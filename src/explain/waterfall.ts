import type { FieldComparison } from '../model/match.js';

/**
 * A text waterfall of one pair's match weight: the prior, then each field's
 * level and contribution as a bar, then the total and the probability.
 */
export function renderWaterfall(left: string, right: string, prior: number, ex: { weight: number; probability: number; comparisons: FieldComparison[] }): string {
  const lines = [`${left}  ↔  ${right}`, `  ${'prior'.padEnd(14)} ${''.padEnd(22)} ${fmt(prior)}  ${bar(prior)}`];
  let running = prior;
  for (const c of ex.comparisons) {
    running += c.weight;
    lines.push(`  ${c.field.padEnd(14)} ${c.level.padEnd(22)} ${fmt(c.weight)}  ${bar(c.weight)}`);
  }
  lines.push(`  ${'total'.padEnd(14)} ${''.padEnd(22)} ${fmt(ex.weight)}  → match probability ${(ex.probability * 100).toFixed(2)}%`);
  return lines.join('\n');
}

function fmt(w: number): string {
  return `${w >= 0 ? '+' : ''}${w.toFixed(2)}`.padStart(7);
}

function bar(w: number): string {
  const n = Math.min(30, Math.round(Math.abs(w)));
  return w >= 0 ? '▕' + '█'.repeat(n) : '░'.repeat(n) + '▏';
}
