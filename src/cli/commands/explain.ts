import type { Command } from 'commander';
import { addInputOptions } from '../main.js';
import { resolveOptions, type InputFlags } from '../context.js';
import { matchOptionsFor } from '../../pipeline/run.js';
import { importAndNormalize } from '../../pipeline/normalize-parallel.js';
import { addMatchOptions } from './dedupe.js';
import { loadMatchInputs, type MatchFlags } from '../match-inputs.js';
import { matchRecords } from '../../match/index.js';
import { buildGoldenRecords } from '../../golden/build-golden.js';
import { goldenOptionsFromConfig } from '../../pipeline/outputs.js';
import { renderWaterfall } from '../../explain/waterfall.js';
import { recordRef } from '../../explain/record-ref.js';
import { usageError } from '../../model/errors.js';
import { maskField, maskPhone } from '../../model/mask.js';

interface ExplainFlags extends InputFlags, MatchFlags {
  id?: string;
  pair?: string[];
  unmask?: boolean;
}

/** Pairs within one golden record shown at most; larger clusters show the links that built them. */
const MAX_PAIRS = 12;

export function registerExplain(program: Command): Command {
  const cmd = program
    .command('explain')
    .description(
      'Explain a merge: for a golden record (--id G000012) show its values with the source and rule that ' +
        'won each field, and for each link between its records the per-field comparison levels and weights ' +
        '(a text waterfall). For any two records (--pair crm_sales.csv:3 ecommerce.csv:7) show why they ' +
        'do or do not match. Run it with the same files and config as the dedupe run.',
    )
    .argument('<files...>', 'the CSV exports of the run')
    .option('--id <golden_id>', 'a golden id from golden.csv / mapping.csv')
    .option('--pair <records...>', 'two records named source:row')
    .option('--unmask', 'show phone numbers, ID numbers and emails in full (also in remarks and extra columns)')
    .option('-q, --quiet', 'no progress on stderr');
  addInputOptions(cmd);
  addMatchOptions(cmd).action(async (files: string[], flags: ExplainFlags) => {
    if (!flags.id === !flags.pair) throw usageError('give exactly one of --id <golden_id> or --pair <source:row> <source:row>');
    if (flags.pair && flags.pair.length !== 2) throw usageError('--pair takes two records, e.g. --pair crm_sales.csv:3 ecommerce.csv:7');
    const opts = await resolveOptions(flags);
    const state = await importAndNormalize(files, opts);
    const records = state.normalized!;
    const { result, scorer } = matchRecords(records, { ...matchOptionsFor(opts), ...(await loadMatchInputs(flags, state)) });
    const index = new Map(records.map((r, i) => [recordRef(r), i]));
    const describe = (i: number) => {
      const r = records[i];
      const phone = r.phones[0]?.e164;
      return `${recordRef(r)} ${r.name.display ?? '∅'}${phone ? ` ${flags.unmask ? phone : maskPhone(phone)}` : ''}`;
    };
    const out: string[] = [];
    if (flags.pair) {
      const [a, b] = flags.pair.map((ref) => {
        const i = index.get(ref);
        if (i === undefined) throw usageError(`record "${ref}" is not in the input`, 'Records are named source:row, as in mapping.csv.');
        return i;
      });
      out.push(renderWaterfall(describe(a), describe(b), scorer.prior, scorer.explain(a, b)));
      out.push(result.clusterOf[a] === result.clusterOf[b] ? 'Both records are in the same golden record.' : 'The records are in different golden records.');
    } else {
      const golden = buildGoldenRecords(records, result, goldenOptionsFromConfig(opts.config));
      const g = golden.find((x) => x.goldenId === flags.id);
      if (!g) throw usageError(`no golden record "${flags.id}" in this run`, `Ids run from ${golden[0]?.goldenId ?? '(none)'} to ${golden.at(-1)?.goldenId ?? '(none)'}.`);
      out.push(`${g.goldenId}: ${g.members.length} record(s)`);
      for (const [field, value] of Object.entries(g.values)) {
        const p = g.provenance[field];
        out.push(`  ${field.padEnd(12)} ${(flags.unmask ? value : maskField(field, value)).padEnd(28)} ${p ? `from ${p.source}:${p.row} (${p.rule})` : ''}`);
      }
      if (g.conflicts.length) out.push(`  sources disagree on: ${g.conflicts.join(', ')}`);
      const members = new Set(g.members.map((m) => index.get(recordRef(m))!));
      const links = result.matches.filter((m) => members.has(m.a)).slice(0, MAX_PAIRS);
      for (const m of links) {
        out.push('');
        out.push(m.decidedBy ? `${describe(m.a)}  ↔  ${describe(m.b)}: ${m.decidedBy.replace('_', ' ')} (a steward decision)` : renderWaterfall(describe(m.a), describe(m.b), scorer.prior, scorer.explain(m.a, m.b)));
      }
    }
    process.stdout.write(out.join('\n') + '\n');
  });
  return cmd;
}
