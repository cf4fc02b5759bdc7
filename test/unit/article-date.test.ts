// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { articleDate } from '../../src/page/article-date';

function pageWith(html: string): Document {
  document.head.innerHTML = '';
  document.body.innerHTML = html;
  return document;
}

describe('articleDate', () => {
  it('prefers the Open Graph publication time over other dates, wherever they stand', () => {
    const doc = pageWith(
      '<time itemprop="datePublished" datetime="2019-01-02">2 Jan</time><meta name="date" content="2018-05-06">' +
        '<meta property="article:published_time" content="2017-03-04T10:00:00Z">',
    );
    expect(articleDate(doc)).toBe('2017-03-04');
  });

  it('falls back in order, skipping values that are not a day', () => {
    expect(articleDate(pageWith('<meta name="date" content="soon"><meta name="dc.date" content="2020-07-08">'))).toBe('2020-07-08');
    expect(articleDate(pageWith('<time itemprop="datePublished" datetime="2021-09-10T08:00">'))).toBe('2021-09-10');
  });

  it('gives nothing for a page that does not say', () => {
    expect(articleDate(pageWith('<p>Published last week</p><time datetime="2022-01-01">1 Jan</time>'))).toBeUndefined();
  });
});
