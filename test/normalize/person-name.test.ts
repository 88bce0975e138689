import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { personNameRule } from '../../src/normalize/rules/person-name.js';

const norm = (name: string) => personNameRule.normalize({ name });

// valid: input → expected parts (a subset).
const VALID: [string, Record<string, unknown>][] = [
  ['张伟', { display: '张伟', family: '张', given: '伟', script: 'han', key: '张伟', pinyin: 'wei zhang', placeholder: false }],
  ['张 伟', { display: '张伟', key: '张伟' }],
  ['張偉', { display: '张伟', key: '张伟' }],
  ['章伟', { key: '章伟', pinyin: 'wei zhang' }],
  ['欧阳娜娜', { family: '欧阳', given: '娜娜', pinyin: 'nana ouyang' }],
  ['单雄信', { family: '单', pinyin: 'shan xiongxin' }],
  ['张伟先生', { display: '张伟', honorific: '先生', placeholder: false }],
  ['王建国经理', { display: '王建国', honorific: '经理' }],
  ['Zhang Wei', { script: 'latin', pinyin: 'wei zhang', display: 'Zhang Wei' }],
  ['WEI ZHANG', { pinyin: 'wei zhang', display: 'Wei Zhang' }],
  ['Smith, John', { given: 'John', family: 'Smith', display: 'John Smith', key: 'johnsmith' }],
  ['Bob Smith', { given: 'Bob', givenKey: 'robert', key: 'robertsmith' }],
  ['Robert Smith', { given: 'Robert', givenKey: 'robert', key: 'robertsmith' }],
  ['Becky Nguyen', { given: 'Becky', givenKey: 'rebecca', key: 'rebeccanguyen' }],
  ['Smith, Jess', { given: 'Jess', givenKey: 'jessica', family: 'Smith' }],
  ['Mary Ann Smith', { given: 'Mary Ann', givenKey: 'mary ann' }],
  ['张伟', { given: '伟', givenKey: '伟' }],
  // A given name that is also a built-in property name is just a name.
  ['Constructor Smith', { given: 'Constructor', key: 'constructorsmith', pinyin: 'constructor smith' }],
  ['Mr. José García', { display: 'Jose Garcia', honorific: 'mr', family: 'Garcia' }],
  // Generational suffixes and degrees are displayed but are no part of the family name or the key.
  // A generational one is kept as a number, for matching: the son of John Smith Sr is not John Smith Sr.
  ['John Smith Jr.', { display: 'John Smith Jr', given: 'John', family: 'Smith', key: 'johnsmith', pinyin: 'john smith', generation: 2 }],
  ['John Smith Sr', { display: 'John Smith Sr', key: 'johnsmith', generation: 1 }],
  ['John Smith II', { display: 'John Smith II', key: 'johnsmith', generation: 2 }],
  ['John Smith III', { display: 'John Smith III', family: 'Smith', key: 'johnsmith', generation: 3 }],
  ['John Smith IV', { display: 'John Smith IV', generation: 4 }],
  ['John Smith', { generation: null }],
  ['Dr John Smith PhD', { display: 'John Smith PhD', honorific: 'dr', family: 'Smith', key: 'johnsmith', generation: null }],
  ['JOHN SMITH JR. MD', { display: 'John Smith Jr MD', family: 'Smith', key: 'johnsmith', generation: 2 }],
  ['Smith, John Jr.', { display: 'John Smith Jr', given: 'John', family: 'Smith', key: 'johnsmith', generation: 2 }],
  ['Smith Jr., John', { display: 'John Smith Jr', given: 'John', family: 'Smith', generation: 2 }],
  ['John Smith, Jr.', { display: 'John Smith Jr', given: 'John', family: 'Smith', key: 'johnsmith', generation: 2 }],
  ['Smith, John, Jr.', { display: 'John Smith Jr', given: 'John', family: 'Smith', generation: 2 }],
  ['SMITH, John Sr', { display: 'John Smith Sr', given: 'John', family: 'Smith', generation: 1 }],
  ['张伟', { generation: null }],
  // Only after a name: a lone or leading one is the name.
  ['Rahman, Md', { given: 'Md', family: 'Rahman' }],
  ['Md Rahman', { given: 'Md', family: 'Rahman' }],
  // Particles before the last word belong to the family name, in lower case inside the display.
  ['Jan van der Berg', { display: 'Jan van der Berg', given: 'Jan', family: 'Van der Berg', key: 'janvanderberg' }],
  ['VAN DER BERG, Jan', { display: 'Jan van der Berg', given: 'Jan', family: 'Van der Berg', key: 'janvanderberg' }],
  ['Jan Van Den Berg', { display: 'Jan Van Den Berg', given: 'Jan', family: 'Van Den Berg' }],
  ['Ludwig von Mises', { display: 'Ludwig von Mises', family: 'Von Mises' }],
  ['Maria da Silva', { given: 'Maria', family: 'Da Silva' }],
  ['Van Morrison', { given: 'Van', family: 'Morrison' }],
  // Particles that are pinyin syllables too count only when written in lower case among capitals.
  ['Wen Bin Li', { given: 'Wen Bin', family: 'Li' }],
  ['MARIA DA SILVA', { given: 'Maria Da', family: 'Silva' }],
  // Capitals the writer put inside a word are kept; Mc is McDonald however written.
  ['Mary McDonald', { display: 'Mary McDonald', family: 'McDonald' }],
  ['MARY MCDONALD', { display: 'Mary McDonald' }],
  ['Fiona MacDonald', { display: 'Fiona MacDonald' }],
  ["sean o'brien", { display: "Sean O'Brien" }],
  ['anne-marie dupont', { display: 'Anne-Marie Dupont' }],
  // In mixed case, the one run of words in capitals is the family name (Hong Kong style), wherever it stands.
  ['CHAN Tai Man', { display: 'Chan Tai Man', given: 'Tai Man', family: 'Chan', key: 'taimanchan', pinyin: 'chan man tai' }],
  ['Tai Man Chan', { given: 'Tai Man', family: 'Chan', key: 'taimanchan' }],
  ['Ms WONG Siu Ming', { display: 'Wong Siu Ming', honorific: 'ms', given: 'Siu Ming', family: 'Wong' }],
  ['Peter CHAN Tai Man', { given: 'Peter Tai Man', family: 'Chan' }],
  ['NG Ka Ming', { given: 'Ka Ming', family: 'Ng' }],
  ['AU YEUNG Chi Kin', { given: 'Chi Kin', family: 'Au Yeung' }],
  ['Jan VAN DER BERG', { display: 'Jan van der Berg', family: 'Van der Berg' }],
  // No such signal: all in one case, two runs in capitals, initials.
  ['CHAN TAI MAN', { given: 'Chan Tai', family: 'Man', pinyin: 'chan man tai' }],
  ['CHAN Tai MAN', { given: 'Chan Tai', family: 'Man' }],
  ['JD Smith', { given: 'Jd', family: 'Smith' }],
  ['John F Kennedy', { given: 'John F', family: 'Kennedy' }],
  // A nickname in brackets is no part of the name.
  ['William (Bill) Jones', { display: 'William Jones', given: 'William', family: 'Jones', key: 'williamjones' }],
  ['Smith, John [Johnny]', { display: 'John Smith', given: 'John', family: 'Smith' }],
  ['王小明(小王)', { display: '王小明', given: '小明', key: '王小明' }],
  ['王小明（小王）', { display: '王小明', key: '王小明' }],
  ['(Bill)', { display: 'Bill' }],
  // ="text" is how Excel keeps a text as written: the text.
  ['="张三"', { display: '张三', key: '张三' }],
  ['="John Smith"', { display: 'John Smith', key: 'johnsmith' }],
  // Names that only look like the placeholders above: a real surname with 太 or a word of one inside it.
  ['陈太平', { display: '陈太平', family: '陈', given: '太平', placeholder: false }],
  ['王客', { display: '王客', placeholder: false }],
  ['Nguyen Test', { family: 'Test', placeholder: false }],
  ['Guest Smith', { given: 'Guest', family: 'Smith', placeholder: false }],
  ['陳大文', { display: '陈大文', family: '陈', given: '大文' }],
  // Pinyin's ü however written (lü, lv, lyu, lu; nü, nv, nyu, nu): one pinyin key. Only a leading syllable of a Latin word.
  ['吕怡勇', { family: '吕', pinyin: 'lu yiyong' }],
  ['Yiyong Lü', { display: 'Yiyong Lu', pinyin: 'lu yiyong' }],
  ['Lv Yiyong', { display: 'Lv Yiyong', pinyin: 'lu yiyong' }],
  ['LYU YIYONG', { pinyin: 'lu yiyong' }],
  ['Lu Yiyong', { pinyin: 'lu yiyong' }],
  ['吕绿茵', { pinyin: 'lu luyin' }],
  ['Lvyin Lyu', { pinyin: 'lu luyin' }],
  ['女娲', { pinyin: 'nu wa' }],
  ['Nv Wa', { pinyin: 'nu wa' }],
  ['Nyu Wa', { pinyin: 'nu wa' }],
  ['Nü Wa', { pinyin: 'nu wa' }],
  ['Lve Zhang', { pinyin: 'lue zhang' }],
  ['Alvin Lee', { pinyin: 'alvin lee' }],
  ['Nvidia Ng', { pinyin: 'ng nvidia' }],
  // One person, though the cell has a separator or spaces: a spaced name, a title, a Latin spelling, a salutation.
  ['欧阳 娜娜', { display: '欧阳娜娜', family: '欧阳' }],
  ['张伟 经理', { display: '张伟', honorific: '经理' }],
  ['Zhang Wei / 张伟', { display: '张伟' }],
  ['Smith/Jones', { display: 'Smith Jones' }],
  ['尊敬的张伟先生', { display: '张伟', honorific: '先生' }],
  ['Dear Mr Smith', { display: 'Smith', honorific: 'mr' }],
];

// several people in one cell: input → the name kept (the first) and issue codes.
const SEVERAL: [string, string, string[]][] = [
  ['张伟/李娜', '张伟', ['name.several']],
  ['张伟、李娜', '张伟', ['name.several']],
  ['张伟，李娜', '张伟', ['name.several']],
  ['张伟 李娜', '张伟', ['name.several']],
  ['王先生 李小姐', '王', ['name.placeholder', 'name.several']],
  ['John Smith / Mary Brown', 'John Smith', ['name.several']],
];

// invalid: input → issue codes.
const INVALID: [string, string[]][] = [
  ['李先生', ['name.placeholder']],
  ['王小姐', ['name.placeholder']],
  ['王总', ['name.placeholder']],
  ['老王', ['name.placeholder']],
  ['测试', ['name.placeholder']],
  ['测试用户2', ['name.placeholder']],
  ['某某', ['name.placeholder']],
  ['无', ['name.placeholder']],
  ['张', ['name.placeholder']],
  ['test', ['name.placeholder']],
  ['aaa', ['name.placeholder']],
  ['N/A', ['name.placeholder']],
  ['12345', ['name.placeholder']],
  // Cantonese 陈太 (Mrs Chan) is a surname and a title, as 陈太太 is.
  ['陈太', ['name.placeholder']],
  // 某 stands for the part of the name left out.
  ['张某', ['name.placeholder']],
  ['李某某', ['name.placeholder']],
  // Words for a customer in general, alone or after a qualifier, and notes typed where the name goes.
  ['散客', ['name.placeholder']],
  ['微信用户', ['name.placeholder']],
  ['淘宝用户', ['name.placeholder']],
  ['新客户', ['name.placeholder']],
  ['VIP客户', ['name.placeholder']],
  ['个人', ['name.placeholder']],
  ['待补充', ['name.placeholder']],
  ['同上', ['name.placeholder']],
  ['详见备注', ['name.placeholder']],
  ['无名氏', ['name.placeholder']],
  ['前台', ['name.placeholder']],
  // Latin placeholders numbered or in twos, and punctuation only.
  ['test1', ['name.placeholder']],
  ['Test Test', ['name.placeholder']],
  ['Unknown Customer', ['name.placeholder']],
  ['demo user 2', ['name.placeholder']],
  ['Guest', ['name.placeholder']],
  ['XX', ['name.placeholder']],
  ['-', ['name.placeholder']],
  ['--', ['name.placeholder']],
  ['张'.repeat(101), ['name.too_long']],
  ['=cmd|calc', ['name.formula']],
  ['=HYPERLINK("http://x","张三")', ['name.formula']],
  ["+cmd|' /C calc'!A0", ['name.formula']],
  ['@SUM(1+1)', ['name.formula']],
  // Mr or Ms Li, and a letter's salutation to nobody in particular.
  ['李先生/女士', ['name.placeholder']],
  ['Dear Customer', ['name.placeholder']],
  ['尊敬的客户', ['name.placeholder']],
  ['亲爱的会员', ['name.placeholder']],
];

describe('person-name rule', () => {
  it.each(VALID)('%s', (input, expected) => {
    const r = norm(input);
    expect(r.parts).toMatchObject(expected);
    expect(r.issues).toEqual([]);
  });

  it.each(INVALID)('%s → %j', (input, codes) => {
    const r = norm(input);
    expect(r.issues.map((i) => i.code)).toEqual(codes);
    if (codes[0] === 'name.placeholder') expect(r.parts.placeholder).toBe(true);
    // Nothing of a formula or an overlong text is read as a name.
    else expect(r.parts).toMatchObject({ display: null, key: null });
  });

  it.each(SEVERAL)('%s keeps %s → %j', (input, display, codes) => {
    const r = norm(input);
    expect(r.parts.display).toBe(display);
    expect(r.issues.map((i) => i.code)).toEqual(codes);
    expect(r.issues.at(-1)!.message).not.toMatch(/[李娜]|Mary/);
  });

  it('keeps the honorific of a placeholder and never quotes the name in the message', () => {
    const r = norm('李先生');
    expect(r.parts).toMatchObject({ family: '李', honorific: '先生', placeholder: true });
    expect(r.issues[0].message).not.toContain('李');
  });

  it('combines separate given and family columns (FEBRL style), either may be empty', () => {
    expect(personNameRule.normalize({ given: 'lachlan', family: 'berry' }).parts).toMatchObject({ display: 'Lachlan Berry', given: 'Lachlan', family: 'Berry', key: 'lachlanberry' });
    expect(personNameRule.normalize({ given: '', family: 'waller' }).parts).toMatchObject({ display: 'Waller', given: null, family: 'Waller' });
    expect(personNameRule.normalize({ given: '伟', family: '张' }).parts).toMatchObject({ display: '张伟', family: '张', given: '伟' });
    expect(personNameRule.normalize({ given: 'William (Bill)', family: 'Jones' }).parts).toMatchObject({ display: 'William Jones', given: 'William' });
    expect(personNameRule.normalize({ given: '小明（小王）', family: '王' }).parts).toMatchObject({ display: '王小明', given: '小明' });
    expect(personNameRule.normalize({ given: 'John', family: 'Smith Jr' }).parts).toMatchObject({ display: 'John Smith Jr', family: 'Smith', key: 'johnsmith', generation: 2 });
  });

  it('empty input is empty, not a problem', () => {
    expect(norm('  ')).toMatchObject({ value: null, issues: [] });
  });

  it('never throws and is deterministic on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        expect(norm(s)).toEqual(norm(s));
      }),
      { numRuns: 300 },
    );
  });
});
