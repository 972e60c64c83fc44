import { createTheme } from '@mantine/core';

const korean = '"Pretendard", "Apple SD Gothic Neo", "Noto Sans KR", "NanumGothic", "Malgun Gothic", system-ui, sans-serif';

export const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily: korean,
  headings: { fontFamily: korean },
  defaultRadius: 'sm',
});
