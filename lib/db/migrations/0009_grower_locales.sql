CREATE TABLE "grower_locales" (
	"leaf_user_id" text PRIMARY KEY NOT NULL,
	"locale" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "grower_locales" ADD CONSTRAINT "grower_locales_leaf_user_id_growers_leaf_user_id_fk" FOREIGN KEY ("leaf_user_id") REFERENCES "public"."growers"("leaf_user_id") ON DELETE cascade ON UPDATE no action;
