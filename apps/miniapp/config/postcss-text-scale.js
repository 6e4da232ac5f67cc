/**
 * 大字模式 (large text): every `font-size` in the app's CSS, ours and NutUI's, becomes
 * `calc(<size> * var(--text-scale, 1))`, so one variable on a page's outermost view scales all
 * text under it (src/lib/text-size.ts, .text-root in app.css) while boxes and spacing keep their
 * size. Runs after pxtransform, so sizes are already rpx (weapp) or rem (h5); keywords such as
 * `inherit` are left alone. Registered for both builds in config/index.ts.
 */
const SCALED = /var\(--text-scale/;

function scalable(value) {
  return /\d|var\(/.test(value) && !SCALED.test(value) && !/^(inherit|initial|unset|revert)/.test(value.trim());
}

module.exports = () => ({
  postcssPlugin: 'gridloop-text-scale',
  Declaration: {
    'font-size': (decl) => {
      if (!scalable(decl.value)) return;
      const important = decl.important;
      decl.value = `calc(${decl.value} * var(--text-scale, 1))`;
      decl.important = important;
    },
  },
});
module.exports.postcss = true;
