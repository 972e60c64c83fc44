import { useI18n } from '../../app/i18n';

/** The sign-in screen's shop chooser, for an e-mail that works for several shops. */
const CHOOSER = {
  ko: { title: '어느 쇼핑몰로 로그인할까요?', hint: '이 이메일은 여러 쇼핑몰의 직원 계정입니다.', back: '다른 계정으로 로그인' },
  en: { title: 'Which shop do you want to sign in to?', hint: 'This e-mail has staff accounts in several shops.', back: 'Use another account' },
};

export function useShopChooserWords() {
  const { lang } = useI18n();
  return CHOOSER[lang];
}
