import { html, type SafeHtml } from '../lib/html'

/** The shell of every page of the Danish reference site: skip link, header, main, footer. */
export const layout = ({ title, body, scripts = [], head }: { title: string; body: SafeHtml; scripts?: string[]; head?: SafeHtml }): string =>
  html`<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Business2Community</title>
<link rel="stylesheet" href="/assets/site.css">
${head ?? ''}
</head>
<body>
<a class="skip" href="#indhold">Spring til indholdet</a>
<header class="site-header"><a href="/" class="brand">Business2Community <span>Historier</span></a>
<nav aria-label="Hovedmenu"><a href="/">Historier</a> <a href="/effekt">Effekt</a> <a href="/indsend">Indsend en historie</a></nav></header>
<main id="indhold" tabindex="-1">${body}</main>
<footer class="site-footer"><p>Boligorganisationer og lokale virksomheder, der skaber noget sammen.</p></footer>
${scripts.map((src) => html`<script src="${src}" defer></script>`)}
</body>
</html>`.value
