/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';

/** API origin, set at build time in config/index.ts ('' on h5 = same origin). */
declare const API_BASE_URL: string;

declare namespace NodeJS {
  interface ProcessEnv {
    /** NODE 内置环境变量, 会影响到最终构建生成产物 */
    NODE_ENV: 'development' | 'production';
    /** 当前构建的平台 */
    TARO_ENV: 'weapp' | 'h5';
    /** Overrides the appid written to dist/weapp/project.config.json. */
    TARO_APP_ID?: string;
    /** Build-time API origin override, read by config/index.ts. */
    API_BASE_URL?: string;
    /** Where `dev:h5` proxies /api, read by config/index.ts. */
    API_PROXY_TARGET?: string;
  }
}
