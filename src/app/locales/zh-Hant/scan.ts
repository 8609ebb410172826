// Traditional Chinese for the scan view and its fallbacks (camera, photo, in-app browser hint).
import { str } from '@lit/localize';

export const scanTemplates = {
  'scan.title': '掃描攤位海報',
  'scan.close': '關閉相機，回到集章卡',
  'scan.back': '回到集章卡',

  'scan.feedback.starting': '正在開啟相機…',
  'scan.feedback.searching': '將相機對準攤位海報',
  'scan.feedback.too-dark': '太暗了：請找亮一點的地方，或避開自己的影子',
  'scan.feedback.too-far': '再靠近一點，讓海報填滿畫面',
  'scan.feedback.too-close': '退後一點，讓整張海報都在畫面裡',
  'scan.feedback.holding': str`請保持穩定… ${0}`,
  'scan.feedback.confirmed': str`正在儲存「${0}」的印章…`,
  'scan.feedback.saving': '正在儲存你的印章…',

  'scan.celebration.mark': '集章成功',
  'scan.result.stamped': '集章成功！',
  'scan.result.stamped-body': str`「${0}」已蓋在你的集章卡上。`,
  'scan.result.already': '已經集過這枚章了',
  'scan.result.already-body': str`你已經有「${0}」的印章。`,
  'scan.result.failed': '印章沒有儲存成功',
  'scan.result.continue': '掃描下一個攤位',
  'scan.result.retry': '再試一次',
  'scan.commit.failed': '印章沒有儲存成功，請再掃描一次海報。',

  'scan.error.title': '目前無法掃描',
  'scan.error.body': '辨識功能無法啟動，請再試一次。',

  'scan.camera.denied': '相機權限被封鎖了',
  'scan.camera.none': '找不到相機',
  'scan.camera.busy': '相機正被其他程式使用',
  'scan.camera.unsupported': '這個瀏覽器無法在這裡開啟相機',
  'scan.camera.retry': '再試一次相機',
  'scan.help.no-camera': '你仍然可以集章：改為拍一張攤位海報的照片。',
  'scan.help.busy': '請關閉其他正在使用相機的 App 或分頁，然後再試一次。',
  'scan.help.unsupported': '請用 Chrome 或 Safari 開啟這個頁面來掃描，或拍一張海報的照片。',
  'scan.help.ios':
    'iPhone：點網址列的「大小」按鈕 › 網站設定 › 相機 › 允許，然後再試一次。若所有網站都被封鎖：設定 › Safari › 相機。',
  'scan.help.android': '點網址左側的圖示，開啟「權限」並允許相機，然後再試一次。',
  'scan.help.firefox': '點網址列的鎖頭圖示，移除被封鎖的相機權限，然後再試一次。',
  'scan.help.desktop': '點網址列中的相機或網站設定圖示，允許使用相機，然後再試一次。',

  'scan.in-app.hint': str`你正在使用 ${0} 的內建瀏覽器，它無法用相機掃描。請用你的瀏覽器開啟這個頁面：點 App 的 ⋯ 選單 ›「用瀏覽器開啟」，或複製連結。`,
  'scan.in-app.title': '請用瀏覽器開啟這個頁面來掃描',
  'scan.in-app.copy': '複製連結',
  'scan.in-app.copied': '已複製連結',

  'scan.photo.take': '拍一張海報的照片',
  'scan.photo.checking': '正在檢查照片…',
  'scan.photo.no-match': '這張照片裡找不到攤位海報。請讓海報填滿畫面、手機拿正，再試一次。',
  'scan.photo.not-image': '這個檔案不是照片，請拍一張海報的照片。',
  'scan.photo.unreadable': '無法讀取這張照片，請重新拍一張（JPEG 或 PNG）。',
};
