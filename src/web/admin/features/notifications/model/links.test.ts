import { describe, expect, it } from 'vitest';
import { linksIn, splitLinks } from './links';

describe('splitLinks', () => {
  it('cuts a message into text and links, keeping line breaks in the text', () => {
    expect(splitLinks('결제기한: 12월 7일\n\n아래 링크에서 결제하세요.\nhttps://shop.example/my/m/abc123\n\n문의: 02-123-4567')).toEqual([
      { kind: 'text', text: '결제기한: 12월 7일\n\n아래 링크에서 결제하세요.\n' },
      { kind: 'link', url: 'https://shop.example/my/m/abc123' },
      { kind: 'text', text: '\n\n문의: 02-123-4567' },
    ]);
  });

  it('leaves a sentence’s punctuation after a URL as text', () => {
    expect(splitLinks('결제: http://127.0.0.1:3000/my/m/x1. 감사합니다')).toEqual([
      { kind: 'text', text: '결제: ' },
      { kind: 'link', url: 'http://127.0.0.1:3000/my/m/x1' },
      { kind: 'text', text: '. 감사합니다' },
    ]);
    expect(splitLinks('(https://a.example/b?c=1&d=2)')).toEqual([
      { kind: 'text', text: '(' },
      { kind: 'link', url: 'https://a.example/b?c=1&d=2' },
      { kind: 'text', text: ')' },
    ]);
  });

  it('finds no link in text without one, and none in a bare domain', () => {
    expect(splitLinks('shop.example 에서 확인하세요')).toEqual([{ kind: 'text', text: 'shop.example 에서 확인하세요' }]);
    expect(splitLinks('')).toEqual([]);
  });
});

describe('linksIn', () => {
  it('lists each link once, in order', () => {
    expect(linksIn('a https://x.example/1 b https://y.example/2 c https://x.example/1')).toEqual(['https://x.example/1', 'https://y.example/2']);
  });
});
