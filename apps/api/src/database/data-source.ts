import { DataSource } from 'typeorm';
import { loadAppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

/** For the TypeORM CLI only (migration:generate); the app builds its own from the same options. */
export default new DataSource(dataSourceOptions(loadAppConfig(process.env).database));
