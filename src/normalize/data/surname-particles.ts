/**
 * Words that join the family name they precede (Jan van der Berg, Ludwig von Mises, Maria dos Santos): they are
 * no given names. Written in lower case in the display when inside a name.
 */
export const SURNAME_PARTICLES = new Set(['van', 'von', 'vom', 'der', 'den', 'des', 'del', 'della', 'dello', 'degli', 'dos', 'das', 'ter', 'ten', 'ibn', 'al', 'st', 'saint']);

/**
 * Particles that are also pinyin syllables (达 da, 德 de, 迪 di, 杜 du, 乐 le, 拉 la, 斌 bin): "Wen Bin Li" is a
 * given name Wenbin. Taken as particles only where the writer marked them, in lower case among capitalised words
 * (Maria da Silva, Juan de la Cruz).
 */
export const LOWER_CASE_SURNAME_PARTICLES = new Set(['de', 'da', 'di', 'du', 'la', 'le', 'bin']);
