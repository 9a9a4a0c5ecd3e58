DROP INDEX "audit_log_entity_idx";--> statement-breakpoint
CREATE INDEX "audit_log_school_id_idx" ON "audit_log" USING btree ("school_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_school_actor_idx" ON "audit_log" USING btree ("school_id","actor_user_id","id" DESC NULLS LAST) WHERE "audit_log"."actor_user_id" is not null;--> statement-breakpoint
CREATE INDEX "audit_log_school_system_idx" ON "audit_log" USING btree ("school_id","actor_system","id" DESC NULLS LAST) WHERE "audit_log"."actor_system" is not null;--> statement-breakpoint
CREATE INDEX "audit_log_school_entity_idx" ON "audit_log" USING btree ("school_id","entity_type","entity_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_school_action_idx" ON "audit_log" USING btree ("school_id","action","id" DESC NULLS LAST);