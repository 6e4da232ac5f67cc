import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';
import PreloadFirstPage from './preload-first-page';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * Where the app reaches the API, baked in at build time as the constant `API_BASE_URL`.
 * - h5: '' (same origin): the NestJS API serves this build at `/` and itself under `/api`.
 * - weapp: an absolute URL (the mini-program has no origin). Default http://localhost:3000,
 *   which only works in WeChat DevTools on the machine running the API; for a phone, build with
 *   `API_BASE_URL=http://<LAN address>:3000` (see docs/weapp-devtools.md).
 */
function apiBaseUrl(): string {
  const fromEnv = process.env.API_BASE_URL;
  if (fromEnv !== undefined) return fromEnv.replace(/\/+$/, '');
  return process.env.TARO_ENV === 'h5' ? '' : 'http://localhost:3000';
}

/** Standard fetch classes that the weapp runtime lacks; see src/api/web-shims.ts. */
const webShims = path.resolve(__dirname, '..', 'src', 'api', 'web-shims.ts');

// https://docs.taro.zone/docs/config
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'gridloop-miniapp',
    date: '2026-11-25',
    // NutUI is drawn on a 375 px design, our pages on a 750 px one.
    designWidth(input) {
      const file = typeof input === 'object' && input?.file ? input.file.replace(/\\+/g, '/') : '';
      return file.includes('@nutui') ? 375 : 750;
    },
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    // HTML tags in the mini-program: NutUI's icons are an <i> (a loading spinner, a clear button),
    // which WeChat has no template for without this plugin.
    plugins: ['@tarojs/plugin-html'],
    defineConstants: {
      API_BASE_URL: JSON.stringify(apiBaseUrl()),
    },
    copy: {
      patterns: [],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: {
      enable: false,
    },
    mini: {
      postcss: {
        pxtransform: {
          enable: true,
          config: {},
        },
        // 大字模式: every font-size scales with --text-scale (see the plugin).
        './config/postcss-text-scale.js': { enable: true },
      },
      // Taro does not transpile node_modules: compile openapi-fetch (?. ?? class fields) to the same
      // browserslist targets as our own code.
      compile: {
        include: [(modulePath: string) => modulePath.replace(/\\+/g, '/').includes('/openapi-fetch/')],
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
        // The weapp runtime has no Headers/Request/Response/FormData. Like Taro does for URL and
        // URLSearchParams, let webpack's ProvidePlugin hand our small versions to any module that
        // uses these names (openapi-fetch and src/api/taro-fetch.ts). The h5 build uses the browser's.
        chain.plugin('providerPlugin').tap(([definitions]) => [
          {
            ...definitions,
            Headers: [webShims, 'MiniHeaders'],
            Request: [webShims, 'MiniRequest'],
            Response: [webShims, 'MiniResponse'],
            FormData: [webShims, 'MiniFormData'],
          },
        ]);
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // Hash routing: the API server only has to serve index.html at `/`, no history fallback.
      router: {
        mode: 'hash',
      },
      output: {
        filename: 'static/js/[name].[contenthash:8].js',
        chunkFilename: 'static/js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'static/css/[name].[contenthash:8].css',
        chunkFilename: 'static/css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: {
          enable: true,
          config: {},
        },
        './config/postcss-text-scale.js': { enable: true },
      },
      // `pnpm dev:h5` serves on its own port: send /api to a locally running API.
      devServer: {
        proxy: [
          {
            context: ['/api'],
            target: process.env.API_PROXY_TARGET || 'http://localhost:3000',
            changeOrigin: true,
          },
        ],
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
        // The home page's chunks are fetched with the app's scripts, not after them (weak networks).
        chain.plugin('preloadFirstPage').use(PreloadFirstPage, [{ page: 'pages/index/index' }]);
        // Taro splits only initial chunks, so every lazily loaded page would carry its own copy of
        // NutUI and the API client. Share what two or more pages use in common async chunks.
        const splitChunks = chain.optimization.get('splitChunks');
        if (splitChunks) {
          chain.optimization.splitChunks({
            ...splitChunks,
            cacheGroups: {
              ...splitChunks.cacheGroups,
              sharedByPages: { chunks: 'async', minChunks: 2, priority: 5, reuseExistingChunk: true },
            },
          });
        }
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    // 本地开发构建配置（不混淆压缩）
    return merge({}, baseConfig, devConfig);
  }
  // 生产构建配置（默认开启压缩混淆等）
  return merge({}, baseConfig, prodConfig);
});
