import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RequestCategory } from '@gridloop/domain';

/**
 * A town's default for a category of matter: it goes straight to this town department (e.g.
 * unpaid wages to 劳动保障所) instead of the small grid's leader. No row: the grid handles it.
 */
@Entity('category_route')
@Index('UQ_category_route', ['townUnitId', 'category'], { unique: true })
export class CategoryRoute {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  townUnitId: number;

  @Column({ type: 'varchar', length: 32 })
  category: RequestCategory;

  @Column({ type: 'int' })
  departmentUnitId: number;

  @Column({ type: 'int' })
  updatedByPersonId: number;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}
