import { formatCode, periodText, type CertificateView } from '@shared/domain/honours';
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

/** The image's size in canvas pixels (portrait, about A5 in proportion). */
export const CERT_WIDTH = 750;
export const CERT_HEIGHT = 1060;

const BRAND = '#c8161d';
const INK = '#1f1f1f';
const MUTED = '#5c5c5c';
const MARGIN = 75;

/** The statement as sentences, for the image and for the page's text beside it. */
export function certificateText(cert: CertificateView) {
  return {
    title: '志愿服务时长证明',
    body: `兹证明 ${cert.name} 于${periodText(cert.from, cert.to)}在${cert.communityName}参加志愿服务，经组织方确认，累计服务时长${formatHours(cert.halfHours)}。`,
    issuer: `出具：${cert.communityName}（同心梯队）`,
    issuedOn: `日期：${formatShanghai(cert.issuedAt, 'YYYY年M月D日')}`,
    code: `证明编号：${formatCode(cert.code)}`,
    howToCheck: '查验：打开同心梯队小程序「证明查验」，输入证明编号',
  };
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

/** Draws the certificate on a CERT_WIDTH x CERT_HEIGHT canvas. */
export function drawCertificate(pen: Pen, cert: CertificateView): void {
  const t = certificateText(cert);
  pen.fillStyle = '#fffdf7';
  pen.fillRect(0, 0, CERT_WIDTH, CERT_HEIGHT);
  pen.strokeStyle = BRAND;
  pen.lineWidth = 10;
  pen.strokeRect(24, 24, CERT_WIDTH - 48, CERT_HEIGHT - 48);
  pen.lineWidth = 2;
  pen.strokeRect(44, 44, CERT_WIDTH - 88, CERT_HEIGHT - 88);

  pen.textAlign = 'center';
  pen.textBaseline = 'middle';
  pen.fillStyle = BRAND;
  pen.font = 'bold 56px sans-serif';
  pen.fillText(t.title, CERT_WIDTH / 2, 150);

  pen.textAlign = 'left';
  pen.fillStyle = INK;
  pen.font = '40px sans-serif';
  lines(pen, t.body, CERT_WIDTH - 2 * MARGIN).forEach((line, i) => pen.fillText(line, MARGIN, 280 + i * 64));

  pen.font = '32px sans-serif';
  pen.fillText(t.issuer, MARGIN, 760);
  pen.fillText(t.issuedOn, MARGIN, 815);
  pen.fillStyle = BRAND;
  pen.font = 'bold 34px monospace';
  pen.fillText(t.code, MARGIN, 890);
  pen.fillStyle = MUTED;
  pen.font = '22px sans-serif';
  pen.fillText(t.howToCheck, MARGIN, 950);
}

export const certificateFileName = (cert: CertificateView) => `服务时长证明-${cert.from}-${cert.to}-${cert.code}.png`;
