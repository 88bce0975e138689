import { describe, expect, it } from 'vitest';
import { SAMPLE_FILES, shell } from './helpers.js';

describe('output piped into a command that stops reading early', () => {
  it('ends quietly with exit 0, no stack trace (crmclean normalize … | head -1)', () => {
    const r = shell(`node bin/crmclean normalize ${SAMPLE_FILES.join(' ')} -q | head -c 100`);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.length).toBe(100);
    expect(r.stderr).not.toMatch(/EPIPE|at .*\.js/);
  });

  it('the same for help text', () => {
    const r = shell('node bin/crmclean match --help | head -1');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('Usage: crmclean match [options] <files...>\n');
    expect(r.stderr).toBe('');
  });
});
