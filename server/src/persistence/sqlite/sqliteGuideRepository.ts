import type { GuideRepository, GuideRecord } from '../guideRepository.ts';
import type { SqliteDatabase } from './database.ts';

interface GuideRow {
  id: string;
  title: string;
  created_at: string;
}

const toRecord = (row: GuideRow): GuideRecord => ({
  id: row.id,
  title: row.title,
  createdAt: row.created_at,
});

export function createSqliteGuideRepository(db: SqliteDatabase): GuideRepository {
  const selectAll = db.prepare<[], GuideRow>('SELECT * FROM guides ORDER BY created_at, id');
  const selectOne = db.prepare<[string], GuideRow>('SELECT * FROM guides WHERE id = ?');
  const insert = db.prepare<[string, string, string]>(
    'INSERT INTO guides (id, title, created_at) VALUES (?, ?, ?)',
  );
  const countAll = db.prepare<[], { count: number }>('SELECT count(*) AS count FROM guides');

  return {
    async list() {
      return selectAll.all().map(toRecord);
    },
    async get(id) {
      const row = selectOne.get(id);
      return row ? toRecord(row) : undefined;
    },
    async create(guide) {
      insert.run(guide.id, guide.title, guide.createdAt);
      return guide;
    },
    async count() {
      return countAll.get()?.count ?? 0;
    },
  };
}
