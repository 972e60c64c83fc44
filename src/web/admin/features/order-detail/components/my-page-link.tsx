import { Menu } from '@mantine/core';
import { useToast } from '../../../app/toast';
import { useMe } from '../../auth/api/me';
import { useDetailI18n } from '../i18n';

// kept here rather than in the detail's dictionaries: one action, two languages
const WORDS = {
  ko: { label: 'My Page 링크 복사', copied: (url: string) => `My Page 링크를 복사했습니다: ${url}`, manual: (url: string) => `복사하지 못했습니다. 이 링크를 직접 복사하세요: ${url}` },
  en: { label: 'Copy My Page link', copied: (url: string) => `My Page link copied: ${url}`, manual: (url: string) => `Could not copy. Copy this link yourself: ${url}` },
};

/**
 * The buyer's own page of this order, as staff send it in 추가 결제 안내: a member signed in from
 * the storefront sees it at once; a guest lands on the lookup with the order number (and the
 * shop, which an installation serving several shops needs) filled in.
 */
export function myPageOrderUrl(orderNumber: string, shopId: number | undefined): string {
  const url = new URL(`/my/orders/${encodeURIComponent(orderNumber)}`, window.location.origin);
  if (shopId !== undefined) url.searchParams.set('shop', String(shopId));
  return url.toString();
}

/** "My Page 링크 복사" in the order's … menu. */
export function MyPageLinkItem({ orderNumber }: { orderNumber: string }) {
  const { lang } = useDetailI18n();
  const toast = useToast();
  const me = useMe();
  const words = WORDS[lang];
  const copy = async () => {
    const url = myPageOrderUrl(orderNumber, me.data?.shop.id);
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
