/**
 * Both web apps' vendor chunks (Vite 8 bundles with Rolldown: `build.rolldownOptions.output.codeSplitting`).
 * Every page is a lazy chunk of its own (the apps' app.tsx); React, and the libraries the entry needs
 * before any page, are chunks whose names change only with the libraries, so a new build of the
 * app's code leaves them cached. What only some pages use stays with those pages.
 */
export const vendorChunks = {
  groups: [
    { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
    { name: 'vendor', test: /[\\/]node_modules[\\/]/, tags: ['$initial' as const], priority: 1 },
  ],
};
