/**
 * Weak networks (docs/miniapp.md): Taro's H5 build loads each page lazily, so the home page's own
 * chunks (its code, its NutUI parts, its CSS) were only asked for once the app's scripts had
 * arrived and run: a second round trip on a 400 ms network, after the first. This adds
 * `<link rel="preload">` for every chunk of the home page to index.html, so the phone fetches them
 * alongside the app's scripts. Other pages stay lazy.
 */
const path = require('node:path');

// The html-webpack-plugin Taro's runner uses (its hooks are per instance).
const HtmlWebpackPlugin = require(require.resolve('html-webpack-plugin', { paths: [path.dirname(require.resolve('@tarojs/webpack5-runner'))] }));

class PreloadFirstPage {
  /** @param {{ page: string }} options the first page's path under src, e.g. 'pages/index/index' */
  constructor(options) {
    this.page = options.page;
  }

  apply(compiler) {
    const wanted = this.page.split('/').join(path.sep);
    compiler.hooks.compilation.tap('PreloadFirstPage', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('PreloadFirstPage', (data) => {
        const publicPath = compilation.outputOptions.publicPath === 'auto' ? '' : compilation.outputOptions.publicPath || '';
        const files = new Set();
        for (const group of compilation.chunkGroups) {
          const loadsPage = group.origins.some((origin) => typeof origin.request === 'string' && path.normalize(origin.request.split('?')[0]).endsWith(wanted));
          if (!loadsPage) continue;
          for (const chunk of group.chunks) for (const file of chunk.files) if (/\.(js|css)$/.test(file)) files.add(file);
        }
        if (files.size === 0) throw new Error(`PreloadFirstPage: no chunks found for ${this.page}`);
        const links = [...files].sort().map((file) => ({
          tagName: 'link',
          voidTag: true,
          meta: { plugin: 'PreloadFirstPage' },
          attributes: { rel: 'preload', href: `${publicPath}${file}`, as: file.endsWith('.css') ? 'style' : 'script' },
        }));
        data.headTags.push(...links);
        return data;
      });
    });
  }
}

module.exports = PreloadFirstPage;
