/**
 * Traditional → simplified characters for the words that appear in submitted tables: headers,
 * unit names, vocabulary (性別, 身份證號碼, 執法證號, 重點檢查事項 …). Agencies in Hunan write
 * simplified Chinese, but headers pasted from Hong Kong/Taiwan templates or typed with a
 * traditional input setting do occur. This is a character table for a normaliser, so a header is
 * matched however it is spelled; it is not a general converter (one-to-many cases such as 乾/干
 * are left alone because they never occur in these headers).
 */
const PAIRS =
  '號号碼码證证書书執执員员類类別别職职務务單单稱称檢检項项點点規规則则時时間间發发週周' +
  '電电話话聯联繫系係系備备註注編编製制種种門门範范圍围區区審审機机關关構构據据實实體体對对' +
  '頻频處处罰罚輕轻減减違违為为條条適适強强準准級级領领監监辦办總总計计說说報报蓋盖負负責责' +
  '經经簽签輔辅參参業业狀状態态換换銷销暫暂額额訓训練练試试績绩現现崗岗屬属隊队鎮镇鄉乡縣县' +
  '廳厅產产環环衛卫養养農农資资運运輸输築筑設设場场醫医療疗藥药險险應应氣气稅税財财勞劳動动' +
  '會会護护營营價价標标驗验測测網网絡络廣广視视圖图館馆園园藝艺術术畫画樂乐遊游戲戏飲饮礦矿' +
  '煙烟爐炉鍋锅車车輛辆駕驾駛驶貨货舊旧質质調调離离轉转補补辭辞開开復复與与於于後后從从無无' +
  '並并將将這这個个們们來来當当過过還还進进選选擇择確确認认錯错誤误須须嚴严舉举權权錄录層层' +
  '統统數数際际歸归檔档齡龄歲岁學学歷历專专習习課课結结況况漢汉貫贯戶户親亲査查効效傳传' +
  '幫帮採采懲惩糾纠紛纷閱阅聞闻衆众眾众徑径擁拥軍军縮缩續续紀纪錢钱銀银鐵铁鋼钢橋桥漁渔' +
  '獵猎豬猪雞鸡魚鱼鳥鸟蟲虫災灾廢废汙污滅灭燒烧熱热濕湿溫温淨净東东莊庄寧宁嶽岳陽阳夥伙' +
  '傷伤僅仅優优億亿兒儿內内兩两冊册劃划劑剂勢势勵励匯汇協协卻却厲厉雙双變变啟启喪丧團团' +
  '壓压壞坏墾垦壇坛複复衝冲擊击揮挥導导張张髮发竊窃盜盗賭赌詐诈騙骗購购銷销貿贸費费' +
  '幣币險险齊齐範范證证罷罢嚮向級级純纯線线組组織织紅红綠绿藍蓝廠厂庫库瀏浏覽览';

const TABLE: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const chars = [...PAIRS];
  for (let i = 0; i + 1 < chars.length; i += 2) {
    const trad = chars[i] ?? '';
    const simp = chars[i + 1] ?? '';
    if (trad !== simp) map.set(trad, simp);
  }
  return map;
})();

/** Replaces the traditional characters this table knows; every other character is kept. */
export function toSimplified(text: string): string {
  let out = '';
  for (const ch of text) out += TABLE.get(ch) ?? ch;
  return out;
}
