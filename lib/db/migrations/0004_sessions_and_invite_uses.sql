CREATE TABLE "invite_uses" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"invite_id" uuid NOT NULL,
	"used_at" timestamp with time zone DEFAULT now() NOT NULL,
	"client" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"sid" uuid PRIMARY KEY NOT NULL,
	"role" text NOT NULL,
	"staff_email" text,
	"leaf_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "invites" ADD COLUMN "max_uses" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "invites" ADD COLUMN "uses" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invite_uses" ADD CONSTRAINT "invite_uses_invite_id_invites_id_fk" FOREIGN KEY ("invite_id") REFERENCES "public"."invites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invite_uses_invite_idx" ON "invite_uses" USING btree ("invite_id","used_at");--> statement-breakpoint
CREATE INDEX "sessions_grower_idx" ON "sessions" USING btree ("leaf_user_id");--> statement-breakpoint
CREATE INDEX "sessions_staff_idx" ON "sessions" USING btree ("staff_email");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");