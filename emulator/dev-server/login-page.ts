import { DEV_IDENTITY_KEY } from '../../src/shared/local-dev';
import type { DemoPerson } from '../seed/demo-data';

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The local-only login: pick a demo identity; the H5 app then calls functions as that WeChat user. */
export function loginPage(people: readonly DemoPerson[]): string {
  const rows = people
    .map(
      (p) =>
        `<li><button class="identity" data-key="${escape(p.key)}" data-openid="${escape(p.openid)}">${escape(p.label)}</button></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>同心梯队 · 本地登录</title>
<style>
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:0;padding:24px;background:#f6f7f9;color:#1f2329;font-size:18px}
h1{font-size:24px;margin:0 0 8px} p{color:#5c6370;margin:0 0 20px}
ul{list-style:none;padding:0;margin:0} li{margin:0 0 12px}
button{width:100%;text-align:left;font-size:18px;padding:14px 16px;border:1px solid #d0d5dd;border-radius:10px;background:#fff;cursor:pointer}
button:hover{border-color:#e0483d} .warn{font-size:14px;color:#a15c00;margin-top:24px}
</style></head>
<body>
<h1>同心梯队 · 本地体验</h1>
<p>选择一个演示身份进入（数据均为虚构，仅在本机）。</p>
<ul>${rows}</ul>
<p class="warn">此页面只在本地开发环境提供，正式小程序通过微信身份登录。</p>
<script>
document.querySelectorAll('button.identity').forEach(function (b) {
  b.addEventListener('click', function () {
    // Each newcomer is a fresh WeChat user, so the first-visit path can be tried again and again.
    var openid = b.dataset.key === 'newcomer' ? b.dataset.openid + '-' + Date.now().toString(36) : b.dataset.openid;
    localStorage.setItem(${JSON.stringify(DEV_IDENTITY_KEY)}, openid);
    location.href = '/';
  });
});
</script>
</body></html>`;
}
