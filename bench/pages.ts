/**
 * Generated news pages for the benchmarks: seed-shaped article pages (~100 KB with page chrome,
 * a lead figure with "| Photo:" credit, inline figures, a related link) and RSS feeds that list
 * them. All text is produced here from a small vocabulary with a seeded generator.
 */

const subjects = ['The council', 'A harbour pilot', 'The rail operator', 'Local growers', 'The museum board',
  'A volunteer crew', 'The water authority', 'Night-shift nurses', 'A chess club', 'The ferry company'];
const verbs = ['announced', 'questioned', 'postponed', 'welcomed', 'reviewed', 'defended', 'outlined', 'costed'];
const objects = ['a new timetable', 'the river survey', 'a repair plan for the old bridge', 'longer opening hours',
  'the winter budget', 'a pilot scheme for electric buses', 'the library extension', 'a flood warning system'];
const tails = ['after a long meeting on Tuesday.', 'despite objections from residents.', 'with support from nearby towns.',
  'ahead of the spring season.', 'following a public consultation.', 'in a statement released at noon.'];

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 0x100000000;
  };
}

const pick = <T>(r: () => number, list: T[]): T => list[Math.floor(r() * list.length)]!;

export function sentence(r: () => number): string {
  return `${pick(r, subjects)} ${pick(r, verbs)} ${pick(r, objects)} ${pick(r, tails)}`;
}

export function paragraph(r: () => number, n = 5): string {
  return Array.from({ length: n }, () => sentence(r)).join(' ');
}

export interface BenchPage { slug: string; title: string; html: string }

/** A page of roughly `targetKb` kilobytes shaped like a news site article with its chrome. */
export function makeArticlePage(origin: string, index: number, targetKb = 100, photos = 2): BenchPage {
  const r = rng(index + 7);
  const slug = `story-${index}`;
  const title = `${pick(r, subjects)} ${pick(r, verbs)} ${pick(r, objects)} (${index})`;
  const chromeMenu = Array.from({ length: 60 }, (_, i) => `<li><a href="${origin}/section/${i}">Section ${i}</a></li>`).join('');
  const inline = Array.from({ length: Math.max(0, photos - 1) }, (_, i) =>
    `<figure><img src="${origin}/img/${index}-${i + 1}.jpg" alt="Scene ${i + 1}" width="800" height="500"><figcaption>A scene from the day, number ${i + 1}. | Photo: Bench Agency/ @bench</figcaption></figure>`).join('');
  const body: string[] = [];
  let size = 0;
  let i = 0;
  while (size < targetKb * 1024 * 0.7) {
    const p = `<p>${paragraph(r, 6)}</p>`;
    body.push(p);
    size += p.length;
    if (i === 3) body.push(`<p>Read also: <a href="${origin}/articles/story-${index + 1}.html">${title} follow-up</a></p>`, inline);
    i++;
  }
  const footer = Array.from({ length: 80 }, (_, k) => `<a href="${origin}/tag/${k}">tag ${k}</a>`).join(' ');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Bench Times</title>
<meta property="og:title" content="${title}"><meta property="og:image" content="${origin}/img/${index}-0.jpg">
<link rel="canonical" href="${origin}/articles/${slug}.html"><script>window.tracking = ${JSON.stringify(paragraph(r, 3))};</script>
<style>${'.x{color:red}'.repeat(200)}</style></head><body>
<header><nav><ul><li>Live<ul><li>Audio Only</li></ul></li>${chromeMenu}</ul></nav>
<div class="share"><a href="https://share.invalid/g">google plus</a><a href="https://share.invalid/f">facebook</a><a href="https://share.invalid/t">twitter</a></div></header>
<main><div class="breadcrumb"><a href="${origin}/news">News</a> &gt; <a href="${origin}/news/city">City</a></div>
<article><h1>${title}</h1>
<figure class="lead"><img src="${origin}/img/${index}-0.jpg" alt="${title}" width="1200" height="800"><figcaption>${title}, 2024. | Photo: Bench Agency/ @bench</figcaption></figure>
<p class="date">Published 16 February 2024</p><p class="lede"><strong>${sentence(r)}</strong></p>
${body.join('\n')}
<div class="comments">Post with no comments.</div></article>
<aside class="newsletter"><h3>Get the newsletter</h3><form><input type="email"></form></aside></main>
<footer>${footer}</footer></body></html>`;
  return { slug, title, html };
}

/** An RSS 2.0 feed listing `items` generated pages of one feed. */
export function makeRssFeed(origin: string, feed: number, items: number): string {
  const entries = Array.from({ length: items }, (_, k) => {
    const index = feed * items + k;
    const r = rng(index + 7);
    const title = `${pick(r, subjects)} ${pick(r, verbs)} ${pick(r, objects)} (${index})`;
    return `<item><title>${title}</title><link>${origin}/articles/story-${index}.html</link><guid>bench-${index}</guid>
<category>News &gt; City</category><pubDate>Fri, 16 Feb 2024 10:${String(k % 60).padStart(2, '0')}:00 GMT</pubDate>
<description>${sentence(r)}</description></item>`;
  }).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench feed ${feed}</title>
<link>${origin}/</link><description>Generated</description>${entries}</channel></rss>`;
}
