import { CERTIFICATE_LINE_MARK, formatCode, periodText, type CertificateLine, type CertificateView } from '@shared/domain/honours';
import { formatHours } from '@shared/rules/hours';
import { formatShanghai } from '@shared/time';

/** What drawing needs of a canvas 2D context: the same calls in a browser canvas and a weapp `type="2d"` canvas. */
export interface Pen {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  fillRect(x: number, y: number, w: number, h: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
}

/** The image's width in canvas pixels; its height grows with the records listed (`certificateHeight`). */
export const CERT_WIDTH = 750;
/** A certificate without a list of records: portrait, about A5 in proportion. */
export const CERT_HEIGHT = 1060;
/** Records the image lists; a longer list says how many more there are and where to read them all. */
export const IMAGE_MAX_LINES = 30;
const ROW = 44;

const BRAND = '#c8161d';
const INK = '#1f1f1f';
const MUTED = '#5c5c5c';
const MARGIN = 75;

const dayOf = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** Hours with a sign for a correction that takes hours back. */
const signedHours = (halfHours: number) => (halfHours < 0 ? `减${formatHours(-halfHours)}` : formatHours(halfHours));

/** An ideographic space: the gap Chinese text puts between the columns of a line. */
const GAP = '\u3000';

/** One record as a line of text: the day of service, what it was, the hours, and how it was recorded. */
export function certificateLineText(line: CertificateLine): string {
  const mark = CERTIFICATE_LINE_MARK[line.kind];
  return [`${dayOf(line.day)}${line.dayFromPosting ? '*' : ''}`, line.reason, `${signedHours(line.halfHours)}${mark ? `（${mark}）` : ''}`].join(GAP);
}

/** The statement as sentences, for the image and for the page's text beside it. */
export function certificateText(cert: CertificateView) {
  const parts = cert.parts;
  const split = parts
    ? [
        `活动与值班服务${formatHours(parts.service)}`,
        parts.manual ? `组织方补录${signedHours(parts.manual)}` : '',
        parts.correction ? `更正${signedHours(parts.correction)}` : '',
      ].filter(Boolean)
    : [];
  const lines = cert.lines ?? [];
  return {
    title: '志愿服务时长证明',
    body: `兹证明 ${cert.name} 于${periodText(cert.from, cert.to)}在${cert.communityName}参加志愿服务，经组织方确认，累计服务时长${formatHours(cert.halfHours)}。`,
    /** How the total is made up; empty on a certificate issued before records were listed. */
    parts: split.length > 1 ? `其中${split.join('，')}。` : '',
    detailTitle: lines.length ? `服务记录（按服务日期，共${lines.length}条）` : '',
    notes: [
      lines.some((l) => l.kind !== 'service') ? '补录是组织方手工补记的时长，更正是组织方对已记时长的更正。' : '',
      lines.some((l) => l.dayFromPosting) ? '带 * 的记录登记时没有记下服务日期，按登记日期列出。' : '',
    ].filter(Boolean),
    issuer: `出具：${cert.communityName}（同心梯队）`,
    issuedOn: `日期：${formatShanghai(cert.issuedAt, 'YYYY年M月D日')}`,
    code: `证明编号：${formatCode(cert.code)}`,
    howToCheck: '查验：打开同心梯队小程序「证明查验」，输入证明编号',
  };
}

/** Records the image shows, and how many it leaves to the check page. */
function imageRows(cert: CertificateView): { rows: CertificateLine[]; more: number } {
  const lines = cert.lines ?? [];
  return { rows: lines.slice(0, IMAGE_MAX_LINES), more: Math.max(0, lines.length - IMAGE_MAX_LINES) };
}

/** Where the record list starts, and where the issuer block starts below it. */
function layout(cert: CertificateView) {
  const t = certificateText(cert);
  const { rows, more } = imageRows(cert);
  const listTop = 700;
  if (!rows.length) return { listTop, footTop: 760, height: CERT_HEIGHT };
  const listed = listTop + (t.parts ? 90 : 0) + 60 + rows.length * ROW + (more ? ROW : 0) + t.notes.length * 36;
  const footTop = listed + 50;
  return { listTop, footTop, height: footTop + 300 };
}

/** The image's height in canvas pixels for this certificate. */
export function certificateHeight(cert: CertificateView): number {
  return layout(cert).height;
}

/** Cuts a line to `width`, ending it with an ellipsis. */
function fit(pen: Pen, text: string, width: number): string {
  if (pen.measureText(text).width <= width) return text;
  let cut = text;
  while (cut && pen.measureText(`${cut}…`).width > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Breaks a sentence where the next character would pass `width` (Chinese text has no spaces to break at). */
function lines(pen: Pen, text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && pen.measureText(line + ch).width > width) {
      out.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) out.push(line);
  return out;
}

/** Draws the certificate on a CERT_WIDTH x certificateHeight(cert) canvas. */
export function drawCertificate(pen: Pen, cert: CertificateView): void {
  const t = certificateText(cert);
  const { listTop, footTop, height } = layout(cert);
  const { rows, more } = imageRows(cert);
  const width = CERT_WIDTH - 2 * MARGIN;
  pen.fillStyle = '#fffdf7';
  pen.fillRect(0, 0, CERT_WIDTH, height);
  pen.strokeStyle = BRAND;
  pen.lineWidth = 10;
  pen.strokeRect(24, 24, CERT_WIDTH - 48, height - 48);
  pen.lineWidth = 2;
  pen.strokeRect(44, 44, CERT_WIDTH - 88, height - 88);

  pen.textAlign = 'center';
  pen.textBaseline = 'middle';
  pen.fillStyle = BRAND;
  pen.font = 'bold 56px sans-serif';
  pen.fillText(t.title, CERT_WIDTH / 2, 150);

  pen.textAlign = 'left';
  pen.fillStyle = INK;
  pen.font = '40px sans-serif';
  lines(pen, t.body, width).forEach((line, i) => pen.fillText(line, MARGIN, 280 + i * 64));

  if (rows.length) {
    let y = listTop;
    if (t.parts) {
      pen.font = '28px sans-serif';
      lines(pen, t.parts, width).slice(0, 2).forEach((line, i) => pen.fillText(line, MARGIN, y + i * 40));
      y += 90;
    }
    pen.font = 'bold 28px sans-serif';
    pen.fillText(t.detailTitle, MARGIN, y);
    y += 60;
    pen.font = '24px sans-serif';
    for (const row of rows) {
      pen.fillStyle = row.kind === 'service' ? INK : BRAND;
      pen.fillText(fit(pen, certificateLineText(row), width), MARGIN, y);
      y += ROW;
    }
    pen.fillStyle = MUTED;
    if (more) {
      pen.fillText(`另有${more}条记录，全部记录请凭证明编号查验`, MARGIN, y);
      y += ROW;
    }
    pen.font = '20px sans-serif';
    t.notes.forEach((note, i) => pen.fillText(fit(pen, note, width), MARGIN, y + i * 36));
    pen.fillStyle = INK;
  }

  pen.font = '32px sans-serif';
  pen.fillText(t.issuer, MARGIN, footTop);
  pen.fillText(t.issuedOn, MARGIN, footTop + 55);
  pen.fillStyle = BRAND;
  pen.font = 'bold 34px monospace';
  pen.fillText(t.code, MARGIN, footTop + 130);
  pen.fillStyle = MUTED;
  pen.font = '22px sans-serif';
  pen.fillText(t.howToCheck, MARGIN, footTop + 190);
}

export const certificateFileName = (cert: CertificateView) => `服务时长证明-${cert.from}-${cert.to}-${cert.code}.png`;
