import { createTheme } from '@mantine/core';

const korean = '"Pretendard", "Apple SD Gothic Neo", "Noto Sans KR", "NanumGothic", "Malgun Gothic", system-ui, sans-serif';

/** The admin's look, with touch-sized controls: buyers mostly come on a phone. */
export const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily: korean,
  headings: { fontFamily: korean },
  defaultRadius: 'md',
  components: {
    Button: { defaultProps: { size: 'md' } },
  },
});
