export interface GuideRecord {
  id: string;
  title: string;
  createdAt: string;
}

export interface GuideRepository {
  list(): Promise<GuideRecord[]>;
  get(id: string): Promise<GuideRecord | undefined>;
  create(guide: GuideRecord): Promise<GuideRecord>;
  count(): Promise<number>;
}
