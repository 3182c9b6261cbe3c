// Skeleton texts per type, built on first use and kept until the catalog changes: the empty-document completion
// offers one per known type, and building all of them on every request would be wasted work.
import type { Catalog } from '../catalog/types';
import { buildSkeleton } from './skeleton';

export class SkeletonCache {
  private readonly texts = new Map<string, string>();

  constructor(private readonly catalog: Catalog) {
    catalog.onDidChange(() => this.texts.clear());
  }

  text(typeId: string): string {
    let text = this.texts.get(typeId);
    if (text === undefined) {
      text = buildSkeleton(this.catalog, typeId);
      this.texts.set(typeId, text);
    }
    return text;
  }
}
