import type { UserConfigExport } from '@tarojs/cli';

export default {
  mini: {},
  h5: {
    // To inspect bundle size, add webpack-bundle-analyzer here:
    // webpackChain(chain) {
    //   chain.plugin('analyzer').use(require('webpack-bundle-analyzer').BundleAnalyzerPlugin, [])
    // }
  },
} satisfies UserConfigExport<'webpack5'>;
