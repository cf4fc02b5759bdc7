/**
 * Generated news pages for the bench: a site header with navigation, a run of articles
 * (headings, paragraphs with links, lists, figures, quotes), a "most read" aside and a footer.
 * The filler text is deterministic and never about NHS data; pages "with mentions" also carry a
 * few paragraphs that are.
 */

/** Paragraphs about NHS data being shared, as a news report would put it. */
export const RELEVANT_PARAGRAPHS = [
  "NHS Digital passed patients' addresses to the Home Office under a memorandum of understanding that came into force in January 2017, so that immigration enforcement teams could trace people suspected of breaking immigration rules.",
  'Doctors of the World said the arrangement had frightened migrants away from GP surgeries, and MPs on the Health Select Committee asked for the memorandum to be suspended while its effect on patients was reviewed.',
  "Hospital trusts in England must check whether overseas visitors are chargeable, and they share patients' details with the Home Office when debts of more than £500 stay unpaid for two months.",
  'Campaigners at Foxglove warned that the contract with Palantir for the Federated Data Platform would give the company access to NHS patient data held by hospital trusts.',
];

// Each theme keeps to its own words, so that no filler paragraph ties the NHS to data sharing.
// Some filler still holds a word the detector looks at ("debt", "Google"), as real news does.
const THEMES: Record<string, string[]> = {
  transport: [
    'The council said the new bus lanes along the ring road would open in the spring, after a consultation that drew more than two thousand responses.',
    'Commuters faced delays of up to forty minutes on Monday morning after a signalling fault near the main station.',
    'The rail operator apologised for the cancellations and promised a revised timetable from the first week of next month.',
    'Cycling groups welcomed the plan but said the junctions near the retail park remained dangerous for children.',
    'Road works on the bridge are expected to last until the end of the year, the highways authority confirmed.',
  ],
  weather: [
    'Forecasters warned of heavy rain across the north-west, with up to eighty millimetres expected on higher ground.',
    'A yellow warning for wind covers most of the coast until Thursday evening, and ferry crossings may be disrupted.',
    'Temperatures will recover by the weekend, although showers are likely to linger in the east.',
    'The environment agency has issued flood alerts for several rivers and urged residents to check on neighbours.',
  ],
  economy: [
    'Inflation fell to its lowest rate in three years, according to figures published on Wednesday.',
    'Government debt as a share of the economy rose slightly in the last quarter, the statistics office said.',
    'Economists expect the central bank to hold interest rates at its next meeting, citing weak growth in services.',
    'Household debt has climbed for six months in a row, driven by credit cards and car finance.',
    'The chancellor is expected to set out new spending plans in the autumn, with pressure from backbenchers to cut taxes.',
  ],
  health: [
    'Hospital waiting times rose again in the autumn, with more than seven million treatments still outstanding.',
    'Nurses will vote next month on a revised pay offer, their union said after talks ended late on Tuesday.',
    'A new community diagnostic centre opened in the town centre, offering scans without a trip to the hospital.',
    'Junior doctors are due to meet ministers again after a walkout that lasted three days.',
  ],
  technology: [
    'Google said it would open a new engineering office in the city, creating several hundred jobs over five years.',
    'The regulator fined the broadband provider for failing to warn customers about price rises in their contracts.',
    'Smartphone sales slowed over the summer as buyers held on to their devices for longer.',
    'A start-up that makes batteries for electric vans raised forty million pounds from investors.',
  ],
  sport: [
    'The home side came from behind to win two goals to one, with the winner arriving in the final minute.',
    'The captain said the squad had learned from the defeat and was ready for the cup tie on Saturday.',
    'Ticket prices for next season will be frozen, the club announced, after protests from supporters.',
    'The marathon will take a new route through the old town, organisers confirmed on Friday.',
  ],
};
const THEME_NAMES = Object.keys(THEMES);
const NAV = ['Home', 'News', 'UK', 'World', 'Business', 'Politics', 'Technology', 'Science', 'Health', 'Sport', 'Culture', 'Travel'];

/** A small deterministic pseudo-random generator (mulberry32), so every run reads the same pages. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Text and markup built side by side, so the page's text length is known exactly. */
class Writer {
  html: string[] = [];
  chars = 0;
  open(markup: string): void {
    this.html.push(markup);
  }
  text(text: string): void {
    this.html.push(text.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
    this.chars += text.length;
  }
}

export class FillerText {
  private readonly next: () => number;
  constructor(seed = 1) {
    this.next = random(seed);
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Two to five sentences on one theme. */
  paragraph(): string {
    const sentences = THEMES[this.pick(THEME_NAMES)]!;
    const count = 2 + Math.floor(this.next() * 4);
    return Array.from({ length: count }, () => this.pick(sentences)).join(' ');
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

/** A paragraph with a link in it and, now and then, an emphasised phrase. */
function writeParagraph(out: Writer, filler: FillerText, text: string): void {
  const words = text.split(' ');
  const at = Math.floor(words.length / 3);
  out.open('<p>');
  out.text(words.slice(0, at).join(' ') + ' ');
  out.open(`<a href="/news/${at}">`);
  out.text(words.slice(at, at + 3).join(' '));
  out.open('</a>');
  const rest = words.slice(at + 3).join(' ');
  if (filler.chance(0.2)) {
    out.text(' ');
    out.open('<em>');
    out.text(rest);
    out.open('</em>');
  } else {
    out.text(' ' + rest);
  }
  out.open('</p>\n');
}

function writeArticle(out: Writer, filler: FillerText, index: number, relevant: readonly string[]): void {
  out.open(`<article id="story-${index}"><header><h1>`);
  out.text(filler.paragraph().split('.')[0]!);
  out.open('</h1><p class="standfirst">');
  out.text(filler.paragraph().split('. ')[0]! + '.');
  out.open('</p><p class="byline">');
  out.text(`By ${filler.pick(['Amira Khan', 'Tom Price', 'Ruth Evans', 'Daniel Osei'])}, ${filler.pick(['home', 'business', 'health'])} correspondent`);
  out.open('</p></header>\n');
  for (const text of relevant) writeParagraph(out, filler, text);
  for (let i = 0; i < 12; i++) {
    if (i === 4) {
      out.open('<h2>');
      out.text(filler.paragraph().split(',')[0]!.split('.')[0]!);
      out.open('</h2>\n');
    }
    writeParagraph(out, filler, filler.paragraph());
    if (i === 6) {
      out.open('<ul>');
      for (let j = 0; j < 3; j++) {
        out.open('<li>');
        out.text(filler.paragraph().split('. ')[0]! + '.');
        out.open('</li>');
      }
      out.open('</ul>\n');
    }
    if (i === 8 && filler.chance(0.5)) {
      out.open('<figure><img alt="" width="640" height="360"><figcaption>');
      out.text(filler.paragraph().split('. ')[0]! + '.');
      out.open('</figcaption></figure>\n');
    }
    if (i === 10 && filler.chance(0.3)) {
      out.open('<blockquote><p>');
      out.text(filler.paragraph().split('. ')[0]! + '.');
      out.open('</p></blockquote>\n');
    }
  }
  out.open('</article>\n');
}

export interface ArticlePage {
  html: string;
  /** Characters of text in the page's body. */
  chars: number;
}

/**
 * A news page with about `targetChars` characters of text. With `mentions`, the first article and
 * one half-way down open with the relevant paragraphs.
 */
export function articlePage(targetChars: number, mentions: boolean): ArticlePage {
  const filler = new FillerText(targetChars);
  const out = new Writer();
  out.open('<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>News</title>');
  out.open('<style>body{font-family:Georgia,serif;max-width:44em;margin:0 auto;line-height:1.5}nav a{margin-right:1em}</style></head>\n<body>\n');
  out.open('<header class="site-header"><a href="/" class="logo">');
  out.text('The Daily Record');
  out.open('</a><nav><ul>');
  for (const item of NAV) {
    out.open(`<li><a href="/${item.toLowerCase()}">`);
    out.text(item);
    out.open('</a></li>');
  }
  out.open('</ul></nav></header>\n<main>\n');
  // The footer and aside are about 1,500 characters; the articles fill the rest.
  const articlesEnd = targetChars - 1500;
  let index = 0;
  let midpointDone = false;
  while (out.chars < articlesEnd) {
    const atMidpoint = !midpointDone && out.chars > articlesEnd / 2;
    if (atMidpoint) midpointDone = true;
    writeArticle(out, filler, index, mentions && (index === 0 || atMidpoint) ? RELEVANT_PARAGRAPHS : []);
    index++;
  }
  out.open('</main>\n<aside class="most-read"><h2>');
  out.text('Most read');
  out.open('</h2><ol>');
  for (let i = 0; i < 8; i++) {
    out.open(`<li><a href="/most-read/${i}">`);
    out.text(filler.paragraph().split('. ')[0]!);
    out.open('</a></li>');
  }
  out.open('</ol></aside>\n<footer><p>');
  out.text('© The Daily Record. All rights reserved. ');
  out.open('<a href="/privacy">');
  out.text('Privacy');
  out.open('</a> <a href="/terms">');
  out.text('Terms');
  out.open('</a></p></footer>\n</body></html>\n');
  return { html: out.html.join(''), chars: out.chars };
}

/** Plain text for the detector alone: paragraphs separated by blank lines, some of them relevant. */
export function plainText(targetChars: number): string {
  const filler = new FillerText(targetChars);
  const paragraphs: string[] = [];
  let chars = 0;
  for (let i = 0; chars < targetChars; i++) {
    const text = i % 200 === 0 ? RELEVANT_PARAGRAPHS[(i / 200) % RELEVANT_PARAGRAPHS.length]! : filler.paragraph();
    paragraphs.push(text);
    chars += text.length + 2;
  }
  return paragraphs.join('\n\n');
}

/** A page no news site would serve, which the content script must still read without holding the page up. */
export interface HostilePage extends ArticlePage {
  label: string;
  slug: string;
}

/**
 * `text` again and again, to about `targetChars` characters: as paragraphs; as the lines of one
 * `<pre>`; or as lines of one `<pre>` each ending in a button (text never read, so the passage's
 * words meet across it), after a flagged paragraph, so that the passages near it are built.
 */
function repeatedPage(text: string, targetChars: number, shape: 'paragraphs' | 'pre' | 'pre with buttons'): ArticlePage {
  const out = new Writer();
  out.open('<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Dump</title></head>\n<body>\n');
  if (shape === 'pre with buttons') {
    out.open('<p>');
    out.text(RELEVANT_PARAGRAPHS[0]!);
    out.open('</p>\n');
  }
  if (shape !== 'paragraphs') out.open('<pre>');
  while (out.chars < targetChars) {
    if (shape === 'paragraphs') out.open('<p>');
    out.text(text);
    out.open(shape === 'paragraphs' ? '</p>\n' : shape === 'pre' ? '\n' : '<button>Copy</button>\n');
  }
  if (shape !== 'paragraphs') out.open('</pre>');
  out.open('\n</body></html>\n');
  return { html: out.html.join(''), chars: out.chars };
}

/**
 * Pages that push each step past what news holds: every passage flagged, one passage far longer
 * than the text read (6 million characters), words the gate stops at everywhere in it, and one
 * long passage with text never read in every line, which the gate must look through as its
 * words meet across the gaps; and over 100,000 short passages, each a mention.
 */
export function hostilePages(): HostilePage[] {
  const relevant = RELEVANT_PARAGRAPHS.join(' ');
  return [
    { label: '5 MB, every paragraph flagged', slug: 'every-paragraph', ...repeatedPage(relevant, 5_000_000, 'paragraphs') },
    { label: '5 MB in one passage, flagged all through', slug: 'one-passage', ...repeatedPage(relevant, 5_000_000, 'pre') },
    { label: '20 MB in one passage of NHS and data words', slug: 'gate-words', ...repeatedPage('hospital records and patient data held by GP surgeries', 20_000_000, 'pre') },
    { label: '5 MB in one passage with a button in every line', slug: 'buttons', ...repeatedPage('A line of the log about the buses and the weather, nothing more.', 5_000_000, 'pre with buttons') },
    { label: '6 MB of short paragraphs, each flagged', slug: 'short-paragraphs', ...repeatedPage('NHS Digital gave patient addresses to the Home Office.', 6_000_000, 'paragraphs') },
  ];
}
