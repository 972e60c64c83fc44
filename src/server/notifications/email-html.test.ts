import { describe, expect, it } from 'vitest';
import { escapeHtml, renderEmailHtml } from './email-html';

const base = { shopName: '달빛상회', subject: '[달빛상회] 주문이 접수되었습니다 (J-1001)' };

describe('renderEmailHtml', () => {
  it('escapes markup that comes from data: product names, shop name, subject, footer', () => {
    const html = renderEmailHtml({
      shopName: '<b>달빛</b> & 상회',
      subject: '"주문" <script>',
      text: '상품: <script>alert("x")</script> 머그컵\n사유: <img src=x onerror=alert(1)>',
      footer: '<a href="javascript:alert(1)">수신거부</a>',
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('상품: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; 머그컵');
    expect(html).toContain('&lt;b&gt;달빛&lt;/b&gt; &amp; 상회');
    expect(html).toContain('<title>&quot;주문&quot; &lt;script&gt;</title>');
  });

  it('keeps Korean text, paragraphs and line breaks, in a Korean font stack', () => {
    const html = renderEmailHtml({ ...base, text: '홍길동님, 안녕하세요.\n\n주문번호: J-1001\n상품: 수제 머그컵 외 1건', footer: '달빛상회 · 서울시 마포구\n고객센터 02-123-4567' });
    expect(html).toContain('<html lang="ko">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('Apple SD Gothic Neo');
    expect(html).toContain('Malgun Gothic');
    expect(html).toMatch(/>홍길동님, 안녕하세요\.<\/p>/);
    expect(html).toMatch(/>주문번호: J-1001<br>\n상품: 수제 머그컵 외 1건<\/p>/);
    expect(html).toContain('달빛상회 · 서울시 마포구<br>\n고객센터 02-123-4567');
    expect(html).toContain('max-width: 600px');
  });

  it('turns URLs inside a sentence into links, stopping at Korean text and sentence punctuation', () => {
    const html = renderEmailHtml({ ...base, text: '자세한 내용은 https://shop.example.kr/orders/J-1001?t=a&b=c에서 확인하세요 (https://shop.example.kr/help).' });
    expect(html).toContain(
      '<a href="https://shop.example.kr/orders/J-1001?t=a&amp;b=c" style="color: #228be6; text-decoration: underline; word-break: break-all;">https://shop.example.kr/orders/J-1001?t=a&amp;b=c</a>에서 확인하세요',
    );
    expect(html).toContain('>https://shop.example.kr/help</a>).');
  });

  it('shows a `라벨: URL` line as a button with the label', () => {
    const html = renderEmailHtml({
      ...base,
      text: '주문번호: J-1001\n배송조회: https://trace.example.kr/track?no=1234\n\n주문 확인: https://shop.example.kr/my/orders/J-1001',
    });
    expect(html).toMatch(/<a href="https:\/\/trace\.example\.kr\/track\?no=1234" style="display: inline-block;[^"]*">배송조회<\/a>/);
    expect(html).toMatch(/<a href="https:\/\/shop\.example\.kr\/my\/orders\/J-1001" style="display: inline-block;[^"]*">주문 확인<\/a>/);
    // the line before the button stays text, in its own paragraph
    expect(html).toMatch(/>주문번호: J-1001<\/p>/);
  });

  it('does not make a button of a line with more than a label and a link, nor of a non-http link', () => {
    const html = renderEmailHtml({ ...base, text: '안내: https://a.example.kr/x 에서 확인\n결제: javascript:alert(1)' });
    expect(html).not.toContain('display: inline-block');
    expect(html).toContain('안내: <a href="https://a.example.kr/x"');
    expect(html).toContain('결제: javascript:alert(1)');
    expect(html).not.toContain('href="javascript');
  });

  it('cannot be broken out of an attribute by a quote in a URL', () => {
    const html = renderEmailHtml({ ...base, text: `결제: https://pay.example.kr/p?x='"><script>alert(1)</script>` });
    expect(html).not.toContain('<script>');
    expect(html).not.toMatch(/href="[^"]*"[^ >]/);
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
