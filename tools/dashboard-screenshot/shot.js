// Usage: node shot.js '<dashboard login link>' <out.png>; see README.md beside it.
// Opens the dashboard's traces page in Debian's chromium and saves a screenshot.
const { chromium } = require('playwright-core');
(async () => {
  const [login, out] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.goto(login, { waitUntil: 'networkidle' });
  await page.waitForTimeout(3000);
  const base = new URL(login).origin;
  await page.goto(base + '/traces', { waitUntil: 'networkidle' });
  await page.waitForTimeout(6000);
  await page.screenshot({ path: out });
  await page.locator('input[name="traces-search"]').fill('AcceptFiling');
  await page.waitForTimeout(3000);
  const text = await page.locator('body').innerText();
  console.log('after filtering AcceptFiling:', (text.match(/Showing \d+ traces?/) || ['?'])[0]);
  console.log(text.split('\n').filter(l => l.includes('accepts') || l.includes('AcceptFiling')).slice(0, 10).join('\n'));
  await page.screenshot({ path: out.replace('.png', '-filtered.png') });
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
