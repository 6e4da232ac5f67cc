import { Module } from '@nestjs/common';
import { GridController } from './grid.controller';
import { GridService } from './grid.service';
import { OrgUnitRepository } from './org-unit.repository';

@Module({ controllers: [GridController], providers: [GridService, OrgUnitRepository], exports: [OrgUnitRepository] })
export class GridModule {}
