/**
 * A generated table of XSS payloads for both sanitizing steps (ingest: sanitize-html; render:
 * DOMPurify). Written for this project, covering the categories of DOMPurify's published vectors
 * (test/fixtures/expect.mjs): script and dangerous elements, event handlers, javascript:/vbscript:/
 * data: URLs in every URL-carrying attribute, encoding/whitespace/case tricks, namespace confusion
 * (svg/math), mutation XSS through raw-text and template parsing, CSS and meta/base tricks.
 * Each payload = dangerous construct x trick x carrier. `problemsIn` checks the resulting DOM for
 * the properties that must hold (not exact strings). Pure: no DOM or Node imports.
 */

/** Encodings of a URL scheme ("javascript:") as an attacker writes it inside an attribute. */
const schemeTricks: [string, (scheme: string) => string][] = [
  ['plain', (s) => s],
  ['upper', (s) => s.toUpperCase()],
  ['mixed case', (s) => [...s].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join('')],
  ['decimal entities', (s) => [...s].map((c) => `&#${c.charCodeAt(0)};`).join('')],
  ['zero-padded decimal, no semicolons', (s) => [...s].map((c) => `&#${String(c.charCodeAt(0)).padStart(7, '0')}`).join('')],
  ['hex entities', (s) => [...s].map((c) => `&#x${c.charCodeAt(0).toString(16)};`).join('')],
  ['hex entities, no semicolons', (s) => [...s].map((c) => `&#x${c.charCodeAt(0).toString(16)}`).join('')],
  ['tab inside', (s) => `${s.slice(0, 3)}\t${s.slice(3)}`],
  ['newline entity inside', (s) => `${s.slice(0, 4)}&#x0A;${s.slice(4)}`],
  ['carriage return entity inside', (s) => `${s.slice(0, 2)}&#13;${s.slice(2)}`],
  ['leading control char', (s) => `&#1;${s}`],
  ['leading spaces and tab', (s) => `  &#x09;${s}`],
  ['leading U+2000', (s) => `&#x2000;${s}`],
  ['&colon; entity', (s) => s.replace(/:$/, '&colon;')],
];

const schemes: [string, string][] = [
  ['javascript', 'javascript:alert(1)'],
  ['vbscript', 'vbscript:msgbox(1)'],
  ['data html', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
];

/** Elements and attributes that carry a URL. */
const urlCarriers: [string, (url: string) => string][] = [
  ['a href', (u) => `<a href="${u}">link</a>`],
  ['img src', (u) => `<img src="${u}" alt="x">`],
  ['img srcset', (u) => `<img src="https://ok.test/a.jpg" srcset="https://ok.test/a.jpg 1x, ${u} 2x" alt="x">`],
  ['picture source srcset', (u) => `<picture><source srcset="${u}"><img src="https://ok.test/b.jpg" alt="x"></picture>`],
  ['form action', (u) => `<form action="${u}"><button>go</button></form>`],
  ['button formaction', (u) => `<p><button formaction="${u}">go</button></p>`],
  ['svg xlink:href', (u) => `<svg><a xlink:href="${u}"><text x="1" y="1">x</text></a></svg>`],
  ['iframe src', (u) => `<iframe src="${u}"></iframe>`],
  ['object data', (u) => `<object data="${u}"></object>`],
  ['embed src', (u) => `<embed src="${u}">`],
  ['area href', (u) => `<map name="m"><area href="${u}" shape="rect" coords="0,0,1,1"></map>`],
  ['math href', (u) => `<math href="${u}"><mi>x</mi></math>`],
  ['video poster', (u) => `<video poster="${u}"></video>`],
  ['input image src', (u) => `<input type="image" src="${u}">`],
];

const handlers = ['onerror', 'onload', 'onclick', 'onmouseover', 'onfocus', 'ontoggle', 'onbegin', 'onanimationstart'];

/** Elements an event handler rides on ({h} is the attribute). */
const handlerHosts: [string, (attr: string) => string][] = [
  ['img', (h) => `<img src="x" ${h}>`],
  ['img slash-separated', (h) => `<img/src="x"/${h}>`],
  ['svg', (h) => `<svg ${h}></svg>`],
  ['svg animate', (h) => `<svg><animate attributeName="x" dur="1s" ${h}></animate></svg>`],
  ['body', (h) => `<body ${h}>`],
  ['details open', (h) => `<details open ${h}><summary>x</summary></details>`],
  ['a with good href', (h) => `<a href="https://ok.test/" ${h}>ok</a>`],
  ['p', (h) => `<p ${h}>text</p>`],
  ['input autofocus', (h) => `<input autofocus ${h}>`],
  ['unknown element', (h) => `<x-story ${h}>text</x-story>`],
  ['video source', (h) => `<video><source src="x" ${h}></video>`],
  ['figure img', (h) => `<figure><img src="/photos/abc.jpg" alt="x" ${h}><figcaption>c</figcaption></figure>`],
];

/** How the handler attribute is written. */
const handlerSpellings: [string, (name: string) => string][] = [
  ['double quotes', (n) => `${n}="alert(1)"`],
  ['unquoted', (n) => `${n}=alert(1)`],
  ['upper case', (n) => `${n.toUpperCase()}='alert(1)'`],
];

/** Elements that must never survive, in wrappers that confuse parsers (mXSS, namespaces). */
const dangerousElements: [string, string][] = [
  ['script', '<script>alert(1)</script>'],
  ['script src', '<script src="https://evil.test/x.js"></script>'],
  ['iframe srcdoc', '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>'],
  ['frameset', '<frameset onload="alert(1)"><frame src="javascript:alert(1)"></frameset>'],
  ['object', '<object type="text/html" data="https://evil.test/"></object>'],
  ['embed', '<embed type="image/svg+xml" src="https://evil.test/x.svg">'],
  ['applet', '<applet code="X.class"></applet>'],
  ['style element', '<style>@import "https://evil.test/x.css"; p{background:url(javascript:alert(1))}</style>'],
  ['base', '<base href="javascript:/">'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ['link stylesheet', '<link rel="stylesheet" href="https://evil.test/x.css">'],
  ['img onerror in raw text', '<img src=x onerror=alert(1)>'],
];

const wrappers: [string, (inner: string) => string][] = [
  ['bare', (x) => x],
  ['in p', (x) => `<p>${x}</p>`],
  ['in svg', (x) => `<svg>${x}</svg>`],
  ['in math mtext table mglyph style', (x) => `<math><mtext><table><mglyph><style>${x}`],
  ['in noscript title attribute', (x) => `<noscript><p title="</noscript>${x}">`],
  ['in template', (x) => `<template>${x}</template>`],
  ['in textarea', (x) => `<textarea>${x}</textarea>`],
  ['in title', (x) => `<title>${x}</title>`],
  ['in xmp', (x) => `<xmp>${x}</xmp>`],
  ['in noembed', (x) => `<noembed>${x}</noembed>`],
  ['in svg foreignObject', (x) => `<svg><foreignObject>${x}</foreignObject></svg>`],
  ['in comment trick', (x) => `<p>text<!--</p>${x}--></p>`],
  ['in CDATA', (x) => `<svg><![CDATA[</svg>${x}]]></svg>`],
  ['upper-cased', (x) => x.toUpperCase().replace(/ALERT\(1\)/g, 'alert(1)')],
];

/** CSS-borne attacks: style attributes (must be dropped) on common elements. */
const styleValues = [
  'background:url(javascript:alert(1))',
  'width: expression(alert(1))',
  'behavior: url(x.htc)',
  '-moz-binding: url(https://evil.test/x.xml#xss)',
  'background-image: url("https://tracker.test/p.gif")',
];
const styleHosts: [string, (style: string) => string][] = [
  ['p', (s) => `<p style="${s}">x</p>`],
  ['img', (s) => `<img src="https://ok.test/a.jpg" alt="x" style='${s}'>`],
  ['div', (s) => `<div STYLE="${s}">x</div>`],
  ['span in figcaption', (s) => `<figure><figcaption><span style="${s}">x</span></figcaption></figure>`],
];

export interface XssCase {
  name: string;
  html: string;
}

export function xssCases(): XssCase[] {
  const cases: XssCase[] = [];
  for (const [schemeName, url] of schemes) {
    const [scheme, rest] = [url.slice(0, url.indexOf(':') + 1), url.slice(url.indexOf(':') + 1)];
    for (const [trickName, trick] of schemeTricks) {
      for (const [carrierName, carrier] of urlCarriers) {
        cases.push({ name: `${schemeName} URL, ${trickName}, ${carrierName}`, html: carrier(trick(scheme) + rest) });
      }
    }
  }
  for (const handler of handlers) {
    for (const [hostName, host] of handlerHosts) {
      for (const [spellingName, spelling] of handlerSpellings) {
        cases.push({ name: `${handler}, ${spellingName}, on ${hostName}`, html: host(spelling(handler)) });
      }
    }
  }
  for (const [elementName, element] of dangerousElements) {
    for (const [wrapperName, wrap] of wrappers) {
      cases.push({ name: `${elementName} ${wrapperName}`, html: wrap(element) });
    }
  }
  for (const value of styleValues) {
    for (const [hostName, host] of styleHosts) cases.push({ name: `style "${value}" on ${hostName}`, html: host(value) });
  }
  return cases;
}

// ---- the properties --------------------------------------------------------------------------

interface AttrLike {
  name: string;
  value: string;
}
interface ElementLike {
  tagName: string;
  attributes: ArrayLike<AttrLike>;
}
interface QueryRoot {
  querySelectorAll(selector: string): ArrayLike<ElementLike> & Iterable<ElementLike>;
}

const FORBIDDEN_ELEMENTS = ['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'style', 'base', 'meta', 'link'];
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'data', 'cite']);

/** "java\tscript:" and friends as a browser would read them: no whitespace/controls, lower case. */
function normalizedUrl(value: string): string {
  return value.replace(/[\s\p{Cc}\p{Cf}\p{Z}]/gu, '').toLowerCase();
}

function isDangerousUrl(value: string): boolean {
  const v = normalizedUrl(value);
  return /^(javascript|vbscript):/.test(v) || /^data:text\/html/.test(v);
}

/** Everything wrong with a sanitized DOM (empty when it is safe). */
export function problemsIn(root: QueryRoot): string[] {
  const problems: string[] = [];
  for (const el of Array.from(root.querySelectorAll(FORBIDDEN_ELEMENTS.join(',')))) {
    problems.push(`<${el.tagName.toLowerCase()}> element`);
  }
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`${name} on <${tag}>`);
      if (name === 'style') problems.push(`style attribute on <${tag}>`);
      if (name === 'srcdoc') problems.push(`srcdoc on <${tag}>`);
      if (name === 'http-equiv') problems.push(`http-equiv on <${tag}>`);
      if (!URL_ATTRIBUTES.has(name)) continue;
      const urls = name === 'srcset' ? attr.value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [attr.value];
      for (const url of urls) if (isDangerousUrl(url)) problems.push(`${name}="${attr.value}" on <${tag}>`);
    }
  }
  return problems;
}

/**
 * sanitize-html's srcset parser logs every odd candidate it drops, and the table makes many on
 * purpose: this hides only those lines while a table runs. Returns the function that restores.
 */
export function hideSrcsetParserNoise(spyOnLog: (impl: (...args: unknown[]) => void) => { mockRestore(): void }): () => void {
  const log = console.log;
  const spy = spyOnLog((...args: unknown[]) => {
    if (!String(args[0]).startsWith('Invalid srcset descriptor')) log(...args);
  });
  return () => spy.mockRestore();
}
