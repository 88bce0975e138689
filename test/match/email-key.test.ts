import { describe, expect, it } from 'vitest';
import { emailKey } from '../../src/match/email-key.js';

describe('emailKey: the mailbox an address reaches', () => {
  it.each([
    ['grace.kelly.art@gmail.com', 'gracekellyart@gmail.com'],
    ['gracekellyart@gmail.com', 'gracekellyart@gmail.com'],
    ['grace.kellyart+shop@googlemail.com', 'gracekellyart@gmail.com'],
    ['j.smith.chi@gmail.com', 'jsmithchi@gmail.com'],
    // Other providers keep dots and pluses: they may be part of the name there.
    ['wei.zhang@qq.com', 'wei.zhang@qq.com'],
    ['li.na+vip@163.com', 'li.na+vip@163.com'],
    ['someone@notgmail.com', 'someone@notgmail.com'],
    ['a.b@mail.gmail.com', 'a.b@mail.gmail.com'],
  ])('%s → %s', (address, key) => {
    expect(emailKey(address)).toBe(key);
  });
});
