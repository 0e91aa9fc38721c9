import type { Migration } from './migration';

/**
 * What each generation cost. The price in force when it was sent is stored with it, so a later price change
 * never rewrites history; the estimate counts against budgets while it runs, the cost once it has ended.
 * Generations from before this step have no price: their cost is unknown, not zero.
 */
export const generationCost: Migration = {
  version: 80,
  name: 'generation-cost',
  up(db) {
    db.exec(`
      ALTER TABLE generations ADD COLUMN gateway TEXT;
      ALTER TABLE generations ADD COLUMN price_currency TEXT;
      ALTER TABLE generations ADD COLUMN price_per_image_micros INTEGER;
      ALTER TABLE generations ADD COLUMN price_per_reference_micros INTEGER;
      ALTER TABLE generations ADD COLUMN price_free_references INTEGER;
      ALTER TABLE generations ADD COLUMN reference_count INTEGER;
      ALTER TABLE generations ADD COLUMN estimate_micros INTEGER;
      ALTER TABLE generations ADD COLUMN billed_images INTEGER;
      ALTER TABLE generations ADD COLUMN cost_micros INTEGER;
      CREATE INDEX generations_priced ON generations (created_at) WHERE price_currency IS NOT NULL;
    `);
  },
};
