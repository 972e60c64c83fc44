-- The planner decides between walking the sort's index and fetching every keyword match by how
-- many orders hold a gram. The default sample (100) keeps too few of the thousands of distinct
-- grams to know a common name's; 1000 keeps the common ones.
ALTER TABLE "orders" ALTER COLUMN "search_grams" SET STATISTICS 1000;--> statement-breakpoint
ALTER TABLE "orders" ALTER COLUMN "search_digits" SET STATISTICS 1000;
