CREATE TABLE "job_leases" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "status_history" (
	"day" date NOT NULL,
	"provider" text NOT NULL,
	"connected" integer NOT NULL,
	"attention" integer NOT NULL,
	"not_connected" integer NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "status_history_day_provider_pk" PRIMARY KEY("day","provider")
);
--> statement-breakpoint
CREATE INDEX "snapshots_status_idx" ON "connection_snapshots" USING btree ("status","leaf_user_id");--> statement-breakpoint
CREATE INDEX "growers_name_idx" ON "growers" USING btree (lower("name"),"id");--> statement-breakpoint
CREATE INDEX "growers_search_idx" ON "growers" USING gin (grower_search_text("name", "email", "leaf_user_id") gin_trgm_ops);