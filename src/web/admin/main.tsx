import { mount } from '../shared/mount';
import { App } from './app/app';
import { Providers } from './app/providers';

mount(
  <Providers>
    <App />
  </Providers>,
);
