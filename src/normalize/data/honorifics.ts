/** Titles and forms of address staff type after (or before) a name: stripped into `honorific`. */
export const HAN_HONORIFIC_SUFFIXES = [
  '董事长', '总经理', '副总', '总监', '经理', '主任', '主管', '老板', '老师', '先生', '女士', '小姐', '太太', '夫人',
  '师傅', '阿姨', '叔叔', '同学', '医生', '大夫', '律师', '教授', '博士', '会计', '科长', '处长', '局长', '部长', '院长', '校长',
].sort((a, b) => b.length - a.length);

/** One-character forms (王总, 李工, 张姐): only taken as a title when what is left is a bare surname. */
export const HAN_SHORT_HONORIFICS = ['总', '董', '工', '哥', '姐', '姨', '叔', '生', '太', '嫂', '爷', '伯', '婶'];

/** 老王, 小李, 阿张: a familiar prefix + surname is a nickname, not a name. */
export const HAN_FAMILIAR_PREFIXES = ['老', '小', '阿'];

/** Titles, and the salutation of a letter (Dear Customer, Dear Mr Smith), stripped before a Latin name. */
export const LATIN_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam', 'mme', 'mlle', 'herr', 'frau', 'rev', 'hon', 'dear']);

/** A letter's salutation before a Chinese name (尊敬的张先生, 亲爱的会员): stripped, as a title is. */
export const HAN_SALUTATIONS = /^(?:尊敬的|亲爱的)/;

/**
 * Generational suffixes and degrees written after a Latin name (John Smith Jr., Jane Doe PhD), each as it is
 * displayed: not part of the given or family name. Taken only at the end of a name and never as its only word,
 * so "Md Rahman" (Md for Mohammed) keeps its Md; "V" is left out, an initial as often as a fifth.
 */
export const LATIN_SUFFIXES: ReadonlyMap<string, string> = new Map(
  ['Jr', 'Sr', 'II', 'III', 'IV', 'PhD', 'MD', 'DDS', 'DVM', 'Esq', 'JD', 'MBA', 'CPA'].map((s) => [s.toLowerCase(), s]),
);

/**
 * The generational ones among them, by generation: a father and his son of one name (John Smith Sr, John Smith Jr)
 * are two people, while a degree (PhD) comes and goes with the same person. II is read as Jr, as it is often used.
 */
export const LATIN_GENERATIONS: ReadonlyMap<string, number> = new Map([
  ['sr', 1],
  ['jr', 2],
  ['ii', 2],
  ['iii', 3],
  ['iv', 4],
]);

/**
 * Words for a customer in general (散客, 微信用户, VIP客户, 联系人): a name that is one of them, or ends with
 * one of them, names no one. A real name never ends so.
 */
export const HAN_GENERIC_PERSON_WORDS = ['客户', '用户', '顾客', '会员', '买家', '散客', '联系人', '负责人'];

/** Two-character surnames (复姓), so 欧阳娜娜 splits into 欧阳 + 娜娜. */
export const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '宇文', '司徒', '夏侯', '轩辕', '端木',
  '独孤', '南宫', '西门', '百里', '呼延', '澹台', '公冶', '宗政', '濮阳', '太叔', '申屠', '钟离', '闻人', '赫连', '万俟', '拓跋',
]);

/** Names that are not names: test entries, "unknown", generic words for a customer. */
export const PLACEHOLDER_NAMES = new Set([
  '测试', '测试用户', '测试客户', '某某', '某人', '无', '无名', '无名氏', '佚名', '未知', '匿名', '不详', '不知道', '空', '空白', '暂无', '暂缺', '待定', '待补充', '未填', '未提供',
  '同上', '见备注', '详见备注', '个人', '演示', '前台', '财务', '采购', '先生', '女士', '小姐', '本人', '同学',
  'test', 'tester', 'testing', 'demo', 'dummy', 'sample', 'null', 'none', 'nil', 'na', 'n a', 'unknown', 'anonymous', 'customer', 'client', 'user', 'guest', 'tbd', 'tba',
  'asdf', 'qwerty', 'qwe', 'xx', 'xxx', 'aaa', 'abc', 'no name', 'noname', 'x', 'john doe', 'jane doe',
]);
