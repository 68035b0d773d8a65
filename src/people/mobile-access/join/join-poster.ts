import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/** A CJK font for the poster's Chinese text (Debian's fonts-wqy-zenhei); without one the poster is in English. */
const CJK_FONTS = ['/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'];

export const joinQrPng = (url: string): Promise<Buffer> => QRCode.toBuffer(url, { type: 'png', width: 600, margin: 2, errorCorrectionLevel: 'M' });

/** An A4 poster: the unit, what joining gives, the QR code and the address under it (for those who type it). */
export async function joinPosterPdf(input: { url: string; unitName: string; label: string }): Promise<Buffer> {
  const qr = await joinQrPng(input.url);
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `Join ${input.unitName}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const font = CJK_FONTS.find((path) => existsSync(path));
  if (font) doc.font(font, 'WenQuanYiZenHei');
  const width = doc.page.width - 112;
  if (font) {
    doc.fontSize(30).text(`加入${input.unitName}`, { align: 'center', width });
    doc.moveDown(0.5).fontSize(16).text('快递员、外卖骑手、网约车和货车司机、家政服务员、网店店主……', { align: 'center', width });
    doc.text('扫码即可入会，随时使用心理健康测评、心理咨询和 12351 职工服务。', { align: 'center', width });
  } else {
    doc.fontSize(28).text(`Join ${input.unitName}`, { align: 'center', width });
    doc.moveDown(0.5).fontSize(16).text('Scan to join the union: self-assessments, counselling and the 12351 hotline.', { align: 'center', width });
  }
  doc.moveDown(1);
  doc.image(qr, (doc.page.width - 300) / 2, doc.y, { width: 300 });
  doc.y += 320;
  doc.fontSize(11).text(input.url, { align: 'center', width });
  doc.moveDown(0.5).fontSize(10).fillColor('#666666').text(input.label, { align: 'center', width });
  doc.end();
  return done;
}
