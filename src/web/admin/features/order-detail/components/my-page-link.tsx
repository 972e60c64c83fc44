import { Menu } from '@mantine/core';
import { useToast } from '../../../app/toast';
import { useDetailI18n } from '../i18n';

// kept here rather than in the detail's dictionaries: one action, two languages
const WORDS = {
  ko: { label: 'My Page 링크 복사', copied: (url: string) => `My Page 링크를 복사했습니다: ${url}`, manual: (url: string) => `복사하지 못했습니다. 이 링크를 직접 복사하세요: ${url}` },
  en: { label: 'Copy My Page link', copied: (url: string) => `My Page link copied: ${url}`, manual: (url: string) => `Could not copy. Copy this link yourself: ${url}` },
};

/** The buyer's own page of this order, as staff send it in 추가 결제 안내 (a guest lands on the lookup, prefilled). */
export const myPageOrderUrl = (orderNumber: string) => `${window.location.origin}/my/orders/${encodeURIComponent(orderNumber)}`;

/** "My Page 링크 복사" in the order's … menu. */
export function MyPageLinkItem({ orderNumber }: { orderNumber: string }) {
  const { lang } = useDetailI18n();
  const toast = useToast();
  const words = WORDS[lang];
  const copy = async () => {
    const url = myPageOrderUrl(orderNumber);
    try {
      // the clipboard exists on secure origins only (localhost counts; a LAN address over http does not)
      await navigator.clipboard.writeText(url);
      toast.success(words.copied(url));
    } catch {
      toast.error(words.manual(url));
    }
  };
  return <Menu.Item onClick={() => void copy()}>{words.label}</Menu.Item>;
}
