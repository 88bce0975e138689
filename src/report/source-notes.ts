/**
 * What a person should know about how one file's header row was read: columns
 * recognised as no field (their data only passes through as extra columns),
 * then the header notes (renamed blank or repeated headers, columns that lost a
 * field to an earlier one). Printed on stderr at import and shown per source in
 * report.html. Column names only, never cell values.
 */
export function sourceNotes(source: { warnings?: readonly string[]; unknownColumns?: readonly string[] }): string[] {
  const unknown = source.unknownColumns ?? [];
  const notes = unknown.length
    ? [
        `${unknown.length === 1 ? '1 column' : `${unknown.length} columns`} not recognised, kept as extra ${unknown.length === 1 ? 'column' : 'columns'}: ` +
          `${unknown.map((h) => JSON.stringify(h)).join(', ')}; if one holds a customer field, map it in the config's "columns" for this source`,
      ]
    : [];
  return [...notes, ...(source.warnings ?? [])];
}
