/** Types of preload-first-page.js (a webpack plugin in CommonJS, as Taro's config loads it). */
declare class PreloadFirstPage {
  constructor(options: { page: string });
  apply(compiler: unknown): void;
}
export = PreloadFirstPage;
