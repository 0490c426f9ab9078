/**
 * Extraction fixtures: article pages in the shapes real news sites use, each with the fields an
 * extractor must get right. All text is original and fictional (the town of Fenwick and its
 * neighbours); markup patterns imitate common site layouts, not any site's content.
 */

export interface ShapeExpectation {
  title?: string;
  sectionPath?: string[];
  byline?: string;
  /** Prefix of publishedAt ("2024-03-05" or a full timestamp). */
  publishedAt?: string | null;
  lead?: { url: string; caption: string; credit: string; alt?: string } | null;
  inline?: { url: string; caption: string; credit: string }[];
  bodyHas: string[];
  bodyLacks: string[];
  htmlHas?: string[];
  related?: string[];
  /** True when the page is too short for an article (returned marked `short`, metadata kept). */
  short?: boolean;
}

export interface ShapePage {
  name: string;
  url: string;
  html: string;
  /** 'not-an-article' when extractArticle must throw NotAnArticleError. */
  expect: ShapeExpectation | 'not-an-article';
}

const P = [
  'Fenwick council voted on Tuesday to turn the disused bus garage on Dyer Street into forty affordable flats, ending a six-year argument over the site.',
  'The plan keeps the garage’s brick facade and its clock, which residents asked to save in a petition signed by more than two thousand people.',
  'Construction is expected to start in the autumn and take about two years, according to the housing committee’s timetable.',
  'Opposition councillors said the flats should have been larger, but agreed that the site had stood empty for far too long.',
  'A public exhibition of the designs will run in the town hall foyer for three weeks from Monday, with architects present on Saturday mornings.',
  'The garage last housed buses in 2016, when the depot moved to a new building beside the ring road.',
  'Neighbours have complained for years about pigeons, broken windows and a roof that partly collapsed during the storms of 2021.',
  'The committee also approved a small public garden on the corner plot, to be planted with help from the primary school next door.',
];
const para = (i: number) => `<p>${P[i % P.length]}</p>`;
const paras = (from: number, n: number) => Array.from({ length: n }, (_, k) => para(from + k)).join('\n');
const first = (i: number) => P[i % P.length]!.split(/(?<=[.!?])\s/)[0]!;

const shareBar = `<div class="share"><a href="https://www.facebook.com/sharer.php?u=x">facebook</a><a href="https://twitter.com/intent/tweet">twitter</a><a href="mailto:?subject=x">Email</a></div>`;
const siteNav = `<header><nav><ul><li><a href="/">Home</a></li><li><a href="/live">Live</a></li><li><a href="/audio">Audio Only</a></li></ul></nav></header>`;
const footer = `<footer><p>Fenwick Courier, 1 Market Row. All rights reserved.</p></footer>`;
const ld = (o: unknown) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

const O = 'https://courier.example.test';

export const shapePages: ShapePage[] = [
  {
    name: 'seed-like layout without classes',
    url: `${O}/news/local/garage-flats`,
    html: `<html lang="en"><body><ul><li>Live<ul><li>Audio Only</li></ul></li></ul><ul><li><a href="https://plus.google.com/">google plus</a></li><li>facebook</li><li>twitter</li></ul>
      <div>News &gt; Local</div><h1>Bus Garage to Become Forty Flats</h1>
      <ul><li><figure><img src="/img/garage.jpg" alt="The brick garage facade"><figcaption>The Dyer Street garage, 2024. | Photo: X/ @fenwick_courier</figcaption></figure></li></ul>
      <div>Published 5 March 2024</div>${paras(0, 6)}<p><a href="/news/local/garden-plot-approved">Corner Garden Approved for School</a></p><div>Post with no comments.</div></body></html>`,
    expect: {
      title: 'Bus Garage to Become Forty Flats',
      sectionPath: ['News', 'Local'],
      publishedAt: '2024-03-05',
      lead: { url: `${O}/img/garage.jpg`, caption: 'The Dyer Street garage, 2024.', credit: 'X/ @fenwick_courier', alt: 'The brick garage facade' },
      bodyHas: [first(0), first(5)],
      bodyLacks: ['Audio Only', 'google plus', 'Post with no comments', 'Published 5 March'],
      related: [`${O}/news/local/garden-plot-approved`],
    },
  },
  {
    name: 'figure with <small> credit and byline',
    url: `${O}/2024/03/06/garage-vote.html`,
    html: `<html><head><title>Garage vote | Courier</title></head><body>${siteNav}<main><article><h1>Council Backs Garage Plan</h1>
      <p class="byline">By <a rel="author" href="/staff/ann">Ann Moss</a> and Lev Ortiz</p><time datetime="2024-03-06T10:00:00Z">6 March</time>
      <figure><img src="/img/vote.jpg" alt="Councillors raise hands"><figcaption>Councillors vote on the plan. <small>Photograph: Ann Moss</small></figcaption></figure>
      ${shareBar}${paras(1, 5)}</article></main>${footer}</body></html>`,
    expect: {
      title: 'Council Backs Garage Plan',
      byline: 'Ann Moss and Lev Ortiz',
      publishedAt: '2024-03-06T10:00:00Z',
      lead: { url: `${O}/img/vote.jpg`, caption: 'Councillors vote on the plan.', credit: 'Ann Moss' },
      bodyHas: [first(1), first(5)],
      bodyLacks: ['facebook', 'twitter', 'All rights reserved', 'Live'],
    },
  },
  {
    name: 'JSON-LD @graph with BreadcrumbList',
    url: `${O}/housing/flats-plan`,
    html: `<html><head>${ld({ '@context': 'https://schema.org', '@graph': [{ '@type': 'Organization', name: 'Fenwick Courier' }, { '@type': 'BreadcrumbList', itemListElement: [{ '@type': 'ListItem', position: 2, name: 'Housing' }, { '@type': 'ListItem', position: 1, name: 'Home' }] }, { '@type': ['NewsArticle'], headline: 'What the Garage Flats Will Look Like', datePublished: '2024-03-07T08:00:00+01:00', author: [{ '@type': 'Person', name: 'Lev Ortiz' }], image: [{ '@type': 'ImageObject', url: `${O}/img/render.jpg`, caption: 'An artist’s view of the courtyard', creditText: 'Hale Architects' }] }] })}</head>
      <body><article><h1>What the Garage Flats Will Look Like</h1><img src="/img/render.jpg" alt="Courtyard render">${paras(2, 5)}</article></body></html>`,
    expect: {
      title: 'What the Garage Flats Will Look Like',
      sectionPath: ['Housing'],
      byline: 'Lev Ortiz',
      publishedAt: '2024-03-07T08:00:00+01:00',
      lead: { url: `${O}/img/render.jpg`, caption: 'An artist’s view of the courtyard', credit: 'Hale Architects', alt: 'Courtyard render' },
      bodyHas: [first(2)],
      bodyLacks: [],
    },
  },
  {
    name: 'lazy images with data-src and noscript',
    url: `${O}/news/garden`,
    html: `<html><head><meta property="og:type" content="article"><meta property="article:published_time" content="2024-03-08"><meta property="article:section" content="News"></head><body><article><h1>School Helps Plant the Corner Garden</h1>
      ${paras(7, 2)}<figure><img src="/static/spacer.gif" data-src="/img/garden.jpg" alt="Children planting"><noscript><img src="/img/garden.jpg"></noscript><figcaption>Pupils plant bulbs / AFP</figcaption></figure>${paras(0, 3)}</article></body></html>`,
    expect: {
      sectionPath: ['News'],
      publishedAt: '2024-03-08',
      lead: null,
      inline: [{ url: `${O}/img/garden.jpg`, caption: 'Pupils plant bulbs', credit: 'AFP' }],
      bodyHas: [first(7)],
      bodyLacks: ['spacer'],
    },
  },
  {
    name: 'picture with srcset candidates',
    url: `${O}/news/clock`,
    html: `<html><body><article><h1>The Garage Clock Will Tick Again</h1><p>${P[1]} A clockmaker from Bram has offered to restore it.</p>
      <figure><picture><source type="image/avif" srcset="/img/clock-800.avif 800w, /img/clock-1600.avif 1600w"><source srcset="/img/clock-800.jpg 800w, /img/clock-1600.jpg 1600w"><img src="/img/clock-400.jpg" alt="Clock face"></picture><figcaption>The clock face, stopped at ten past four. (Photo: Jo Reyes)</figcaption></figure>
      ${paras(2, 4)}</article></body></html>`,
    expect: {
      lead: null,
      inline: [{ url: `${O}/img/clock-1600.avif`, caption: 'The clock face, stopped at ten past four.', credit: 'Jo Reyes' }],
      bodyHas: ['A clockmaker from Bram has offered to restore it.'],
      bodyLacks: [],
      htmlHas: ['<figcaption>'],
    },
  },
  {
    name: 'AMP page with amp-img',
    url: `${O}/amp/news/garage-flats`,
    html: `<html amp lang="en"><head><link rel="canonical" href="${O}/news/garage-flats"><script async src="https://cdn.ampproject.org/v0.js"></script></head><body><header class="amp-header">Fenwick Courier</header><article><h1>Forty Flats for Dyer Street</h1>
      <figure><amp-img src="/img/amp-lead.jpg" width="1200" height="800" layout="responsive" alt="Street view"></amp-img><figcaption>Dyer Street at dusk. Credit: Courier staff</figcaption></figure>${paras(3, 5)}</article></body></html>`,
    expect: {
      title: 'Forty Flats for Dyer Street',
      lead: { url: `${O}/img/amp-lead.jpg`, caption: 'Dyer Street at dusk.', credit: 'Courier staff', alt: 'Street view' },
      bodyHas: [first(3)],
      bodyLacks: ['cdn.ampproject'],
    },
  },
  {
    name: 'paywall teaser',
    url: `${O}/premium/garage-history`,
    html: `<html><head><meta property="og:type" content="article"><meta property="og:title" content="A Short History of the Dyer Street Garage"></head><body><article><h1>A Short History of the Dyer Street Garage</h1>${para(5)}${para(6)}
      <div class="paywall-prompt"><h3>Subscribe to keep reading</h3><p>Get unlimited access for 1 a week.</p><a href="/subscribe">Subscribe</a></div></article></body></html>`,
    expect: {
      title: 'A Short History of the Dyer Street Garage',
      bodyHas: [first(5), first(6)],
      bodyLacks: ['Subscribe to keep reading', 'unlimited access'],
    },
  },
  {
    name: 'live blog',
    url: `${O}/live/council-meeting`,
    html: `<html><head>${ld({ '@context': 'https://schema.org', '@type': 'LiveBlogPosting', headline: 'Council Meeting: Live Updates', datePublished: '2024-03-05T18:00:00Z', coverageStartTime: '2024-03-05T18:00:00Z' })}</head><body><main><h1>Council Meeting: Live Updates</h1>
      <div class="live-entries"><div class="entry"><time>18:05</time><p>${P[0]}</p></div><div class="entry"><time>18:40</time><p>${P[3]}</p></div><div class="entry"><time>19:10</time><p>${P[4]}</p></div></div></main></body></html>`,
    expect: {
      title: 'Council Meeting: Live Updates',
      publishedAt: '2024-03-05T18:00:00Z',
      bodyHas: [first(0), first(3), first(4)],
      bodyLacks: [],
    },
  },
  {
    name: 'photo gallery',
    url: `${O}/pictures/garage-in-photos`,
    html: `<html><head><meta property="og:type" content="article"><meta property="og:image" content="${O}/img/g1.jpg"></head><body><article><h1>The Garage in Photos</h1><p>${P[5]} ${P[6]}</p>
      <figure><img src="/img/g1.jpg" alt="Garage 1"><figcaption>The garage in 1962. Photo: Fenwick Archive</figcaption></figure>
      <figure><img src="/img/g2.jpg" alt="Garage 2"><figcaption>Buses lined up for the last time in 2016. Photo: Ann Moss</figcaption></figure>
      <figure><img src="/img/g3.jpg" alt="Garage 3"><figcaption>The collapsed roof after the 2021 storms (Reuters)</figcaption></figure></article></body></html>`,
    expect: {
      lead: { url: `${O}/img/g1.jpg`, caption: 'The garage in 1962.', credit: 'Fenwick Archive' },
      inline: [
        { url: `${O}/img/g2.jpg`, caption: 'Buses lined up for the last time in 2016.', credit: 'Ann Moss' },
        { url: `${O}/img/g3.jpg`, caption: 'The collapsed roof after the 2021 storms', credit: 'Reuters' },
      ],
      bodyHas: [first(5)],
      bodyLacks: [],
    },
  },
  {
    name: 'video-only page',
    url: `${O}/video/garage-tour`,
    html: `<html><body><h1>Video: A Tour of the Garage</h1><video src="/v/tour.mp4" controls></video><p>Watch the tour.</p>${footer}</body></html>`,
    expect: { title: 'Video: A Tour of the Garage', short: true, bodyHas: ['Watch the tour.'], bodyLacks: [] },
  },
  {
    name: 'section front (not an article)',
    url: `${O}/news/`,
    html: `<html><body>${siteNav}<h1>News</h1><ul>${Array.from({ length: 20 }, (_, i) => `<li><a href="/news/story-${i}">Story number ${i} about the town</a></li>`).join('')}</ul>${footer}</body></html>`,
    expect: 'not-an-article',
  },
  {
    name: 'microdata article',
    url: `${O}/news/microdata`,
    html: `<html><body><div itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">Garden Plot Gets Its First Trees</h1>
      <span itemprop="author" itemscope><span itemprop="name">Ruth Ng</span></span><meta itemprop="datePublished" content="2024-03-09T09:00:00Z">
      <div itemprop="articleBody">${paras(7, 4)}</div></div></body></html>`,
    expect: { title: 'Garden Plot Gets Its First Trees', byline: 'Ruth Ng', publishedAt: '2024-03-09T09:00:00Z', bodyHas: [first(7)], bodyLacks: [] },
  },
  {
    name: 'WordPress caption block',
    url: `${O}/2024/03/10/exhibition-opens/`,
    html: `<html><body><div class="site"><article class="post"><h1 class="entry-title">Garage Designs Go on Show</h1><div class="entry-meta">Posted on March 10, 2024 by admin</div><div class="entry-content">
      <div class="wp-caption"><img src="/wp-content/uploads/expo.jpg" alt="Models on tables" width="1024" height="683"><p class="wp-caption-text">Models of the flats in the town hall foyer. Photo by Lev Ortiz</p></div>
      ${paras(4, 5)}</div></article></div></body></html>`,
    expect: {
      title: 'Garage Designs Go on Show',
      publishedAt: '2024-03-10',
      lead: { url: `${O}/wp-content/uploads/expo.jpg`, caption: 'Models of the flats in the town hall foyer.', credit: 'Lev Ortiz' },
      bodyHas: [first(4)],
      bodyLacks: ['Posted on'],
    },
  },
  {
    name: 'US date format in text only',
    url: `${O}/news/us-date`,
    html: `<html><body><article><h1>Clock Restorer Chosen</h1><p class="dateline">Published March 11, 2024</p>${paras(1, 4)}</article></body></html>`,
    expect: { publishedAt: '2024-03-11', bodyHas: [first(1)], bodyLacks: ['Published March'] },
  },
  {
    name: 'related list and share bar inside the body',
    url: `${O}/news/garden-opening`,
    html: `<html><body><article><h1>Corner Garden Opens</h1>${paras(7, 2)}${shareBar}
      <ul class="related-links"><li><a href="/news/local/garage-flats">Bus Garage to Become Forty Flats</a></li><li><a href="/tag/gardens">Gardens</a></li></ul>${paras(1, 3)}</article></body></html>`,
    expect: {
      bodyHas: [first(7), first(1)],
      bodyLacks: ['facebook', 'Bus Garage to Become Forty Flats'],
      related: [`${O}/news/local/garage-flats`],
    },
  },
  {
    name: 'embedded post with script',
    url: `${O}/news/embed`,
    html: `<html><body><article><h1>Residents React Online</h1>${paras(2, 3)}<blockquote class="social-post"><p>Finally some news about the garage!</p></blockquote><script src="https://embed.example.test/widget.js"></script>
      <iframe src="https://video.example.test/embed/1"></iframe>${paras(5, 2)}</article></body></html>`,
    expect: { bodyHas: [first(2)], bodyLacks: [], htmlHas: ['<blockquote>'] },
  },
  {
    name: 'og:image not in the page',
    url: `${O}/news/og-only`,
    html: `<html><head><meta property="og:image" content="/img/og.jpg"><meta property="og:image:alt" content="Aerial view"><meta property="og:type" content="article"></head><body><article><h1>Garage Seen From Above</h1>${paras(0, 4)}</article></body></html>`,
    expect: { lead: { url: `${O}/img/og.jpg`, caption: '', credit: '', alt: 'Aerial view' }, bodyHas: [first(0)], bodyLacks: [] },
  },
  {
    name: 'sidebar with most-read list',
    url: `${O}/news/sidebar`,
    html: `<html><body><div class="layout"><article><h1>Flats Will Have Solar Roofs</h1>${paras(3, 4)}</article><aside class="most-read"><h3>Most read</h3><ol><li><a href="/news/other-story-one">Other story one here</a></li></ol></aside></div>${footer}</body></html>`,
    expect: { bodyHas: [first(3)], bodyLacks: ['Most read', 'Other story one'] },
  },
  {
    name: 'cite credit and relative base',
    url: `${O}/section/sub/page.html`,
    html: `<html><head><base href="/media/"></head><body><article><h1>Architects Explain the Courtyard</h1><figure><img src="court.jpg" alt="Courtyard"><figcaption>The planned courtyard.<cite>Hale Architects</cite></figcaption></figure>${paras(2, 4)}</article></body></html>`,
    expect: { lead: { url: `${O}/media/court.jpg`, caption: 'The planned courtyard.', credit: 'Hale Architects' }, bodyHas: [first(2)], bodyLacks: [] },
  },
  {
    name: 'tables and lists',
    url: `${O}/news/budget`,
    html: `<html><body><article><h1>What the Flats Will Cost</h1>${paras(0, 3)}<table><caption>Budget</caption><tr><th>Item</th><th>Cost</th></tr><tr><td>Facade</td><td>1.2m</td></tr></table><ol><li>Design</li><li>Build</li></ol>${para(4)}</article></body></html>`,
    expect: { bodyHas: [first(0), 'Facade'], bodyLacks: [], htmlHas: ['<table>', '<td>Facade</td>', '<ol>'] },
  },
  {
    name: 'cookie banner, newsletter and ads',
    url: `${O}/news/noise`,
    html: `<html><body><div id="cookie-consent">We use cookies. <button>Accept</button></div><article><h1>Garage Clock Restored</h1>${paras(1, 2)}<div class="ad-container">Advertisement</div>${paras(3, 2)}<div class="newsletter-signup"><p>Sign up for the morning email</p></div></article></body></html>`,
    expect: { bodyHas: [first(1), first(3)], bodyLacks: ['cookies', 'Advertisement', 'morning email'] },
  },
];
