import type { NormalizedRecord, SourceRecord } from '../model/record.js';
import type { MatchResult } from '../model/match.js';
import type { MatchLine, RejectLine, SourceLine, StreamLine } from './stream-format.js';
import { inputError } from '../model/errors.js';

export type SourceSummary = Omit<SourceLine, 'kind'>;
export type Reject = Omit<RejectLine, 'kind'>;

/**
 * What flows between stages: every source's summary, every reject, every record
 * (raw after import, normalized after normalize), and the match decision after dedupe.
 * The one-shot command and the NDJSON pipe build the same state through the same functions.
 */
export interface PipelineState {
  sources: SourceSummary[];
  rejects: Reject[];
  records: SourceRecord[];
  normalized: NormalizedRecord[] | null;
  match: { result: MatchResult; model: unknown } | null;
}

export function* stateToLines(state: PipelineState): Generator<StreamLine> {
  for (const s of state.sources) yield { kind: 'source', ...s };
  for (const r of state.rejects) yield { kind: 'reject', ...r };
  if (state.normalized) for (const r of state.normalized) yield { kind: 'normalized', ...r };
  else for (const r of state.records) yield { kind: 'record', ...r };
  if (state.match) yield { kind: 'match', result: state.match.result, model: state.match.model };
}

/** Rebuild the state from NDJSON lines; `lineNo` locates a bad line in the error. */
export class StateBuilder {
  private readonly state: PipelineState = { sources: [], rejects: [], records: [], normalized: null, match: null };

  add(value: unknown, lineNo: number): void {
    const line = value as Partial<StreamLine> | null;
    switch (line?.kind) {
      case 'source': {
        const { kind: _k, ...s } = line as SourceLine;
        this.state.sources.push(s);
        return;
      }
      case 'reject': {
        const { kind: _k, ...r } = line as RejectLine;
        this.state.rejects.push(r);
        return;
      }
      case 'record': {
        const { kind: _k, ...r } = line as { kind: 'record' } & SourceRecord;
        this.state.records.push(r);
        return;
      }
      case 'normalized': {
        const { kind: _k, ...r } = line as { kind: 'normalized' } & NormalizedRecord;
        (this.state.normalized ??= []).push(r);
        this.state.records.push(toSourceRecord(r));
        return;
      }
      case 'match': {
        const m = line as MatchLine;
        this.state.match = { result: m.result, model: m.model };
        return;
      }
      default:
        throw inputError(
          `line is not a crmclean stream object (expected "kind": source, reject, record, normalized or match)`,
          { file: '<stdin>', line: lineNo },
          'Pipe the output of another crmclean stage, e.g. `crmclean import a.csv | crmclean normalize`.',
        );
    }
  }

  finish(): PipelineState {
    return this.state;
  }
}

export function toSourceRecord(r: SourceRecord): SourceRecord {
  return { source: r.source, row: r.row, line: r.line, fields: r.fields, extra: r.extra };
}
