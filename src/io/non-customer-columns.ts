import type { CanonicalField } from '../model/fields.js';
import { headerText, normalizeHeader } from './header-names.js';
import { HAN_RULES, LATIN_RULES, latinWords } from './header-guess.js';

/**
 * Columns that order, e-commerce and CRM exports carry beside the customer and that are
 * no customer field: the order (订单号, Order ID), remarks (备注, Notes, 买家留言), money
 * (金额, Total, Price), goods (SKU, 商品名称, Lineitem quantity), status, logistics and
 * payment, tags, and the shop's nickname for a buyer (买家昵称, 买家会员名: not a name).
 * They are kept as extra columns like any unmapped column, but without the "not
 * recognised" note, which is for headers that might hold a customer field nobody mapped.
 *
 * A header that also names a way to reach or identify the customer (订单收货地址,
 * "Order Email") keeps the note: it may hold a customer field after all.
 */

const LATIN_KEYWORDS = new Set([
  'order', 'remark', 'remarks', 'note', 'notes', 'comment', 'comments', 'memo', 'message', 'description',
  'amount', 'total', 'subtotal', 'price', 'cost', 'quantity', 'qty', 'sku', 'product', 'item', 'lineitem',
  'status', 'currency', 'tax', 'discount', 'tracking', 'carrier', 'payment', 'paid', 'fulfillment', 'fulfilled',
  'refund', 'refunded', 'purchase', 'purchased', 'method', 'tag', 'tags', 'nickname', 'username',
]);

// Chinese: substrings, as header-guess.ts reads Chinese headers.
const HAN_KEYWORDS = [
  '订单', '单号', '交易号', '流水号', '备注', '留言', '金额', '价格', '单价', '运费', '数量', '商品', '宝贝', '产品',
  '物流', '快递', '运单', '状态', '付款时间', '付款方式', '支付方式', '优惠', '折扣', '积分', '标签', '昵称', '会员名',
];

// The keywords of fields that reach or identify a customer: a header naming one may hold it.
const CONTACT_FIELDS: readonly CanonicalField[] = ['phone', 'phone2', 'email', 'address', 'postcode', 'id_number', 'birth_date'];
const contactWords = (rules: typeof LATIN_RULES) => rules.filter((r) => CONTACT_FIELDS.includes(r.field)).flatMap((r) => r.words);
const LATIN_CONTACT = new Set(contactWords(LATIN_RULES));
const HAN_CONTACT = contactWords(HAN_RULES);

/** Whether an unmapped header is a column routinely exported beside customers that holds no customer field. */
export function isNonCustomerColumn(header: string): boolean {
  const key = normalizeHeader(header);
  const words = latinWords(headerText(header));
  if (words.some((w) => LATIN_CONTACT.has(w)) || HAN_CONTACT.some((w) => key.includes(w))) return false;
  return words.some((w) => LATIN_KEYWORDS.has(w)) || HAN_KEYWORDS.some((w) => key.includes(w));
}
