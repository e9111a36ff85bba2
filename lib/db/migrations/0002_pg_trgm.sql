-- Trigram indexes make "Search growers" (any part of a name, email or Leaf user id) an index scan.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- The text "Search growers" looks in, as one function so the index and the query say the same thing.
-- plpgsql (never inlined) with a declared cost: the planner then knows a sequential scan would compute
-- it for every row, and uses the trigram index instead of scanning 10,000 growers.
CREATE OR REPLACE FUNCTION grower_search_text(name text, email text, leaf_user_id text) RETURNS text
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE COST 200
  AS $$ BEGIN RETURN name || ' ' || email || ' ' || leaf_user_id; END $$;
