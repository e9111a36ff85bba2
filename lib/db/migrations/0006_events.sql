CREATE TABLE "events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"type" text NOT NULL,
	"leaf_user_id" text NOT NULL,
	"provider" text,
	"status" text,
	"previous_status" text,
	"reason" text
);
--> statement-breakpoint
ALTER TABLE "connection_snapshots" ADD COLUMN "previous_status" text;--> statement-breakpoint
CREATE INDEX "events_at_idx" ON "events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "events_user_idx" ON "events" USING btree ("leaf_user_id","provider","id");--> statement-breakpoint
CREATE INDEX "events_type_at_idx" ON "events" USING btree ("type","at");