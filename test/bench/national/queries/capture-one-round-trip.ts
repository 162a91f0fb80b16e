import type postgres from "postgres";
import type { Context, Row } from "../cases";
import { appAndFloorLoads, loadCaptureMeta } from "./capture";

/**
 * Query 5 again, with the same nine statements run inside the database by one PL/pgSQL call
 * (`bench.capture_once`, the caller's rights, so the runtime role's policies and every trigger
 * still apply). Query 5 already sends its nine statements together, as the handlers do, so both
 * cost four round trips (begin, bind, the writes, commit); this one also spares PostgreSQL nine
 * sets of protocol messages and statement look-ups. Not how the app writes; it measures what
 * that would buy on this machine.
 */
export async function oneRoundTripCaptureRows(ctx: Context): Promise<Row[]> {
  const { world, owner } = ctx;
  await createCaptureFunction(owner);
  const meta = await loadCaptureMeta(owner, world);
  const a = meta.attributes;
  const attributeIds = [a.nationalId, a.firstName, a.lastName, a.sex, a.dob];
  return appAndFloorLoads(
    ctx,
    "5 capture (SQL in one round trip)",
    (tx, w) => tx`select bench.capture_once(${world.tenantId}::uuid, ${w.userId}::uuid, ${w.name}, ${w.unitId}::uuid, ${meta.typeId}::uuid,
                                            ${meta.programId}::uuid, ${meta.stageId}::uuid, ${meta.elementId}, ${attributeIds}::uuid[])`,
    { note: "the same statements in one PL/pgSQL call" },
  );
}

/** The statements of `captureOnce` (queries/capture.ts), in the same order, with the same audit rows. */
async function createCaptureFunction(owner: postgres.Sql): Promise<void> {
  await owner.unsafe(`
    create or replace function bench.capture_once(p_tenant uuid, p_user uuid, p_name text, p_unit uuid, p_type uuid,
                                                  p_program uuid, p_stage uuid, p_element text, p_attributes uuid[])
    returns void language plpgsql security invoker set search_path = pg_catalog, public as $$
    declare
      person uuid := new_record_id();
      enrolment uuid := new_record_id();
      visit uuid := new_record_id();
      vals text[] := array['BR' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 14), 'Aminata', 'Kamara', 'Female', current_date::text];
    begin
      insert into tracked_entity (tenant_id, id, tracked_entity_type_id, registration_unit_id, attribute_values, ever_enrolled, created_by)
        values (p_tenant, person, p_type, p_unit, (select jsonb_object_agg(a, v) from unnest(p_attributes, vals) as t (a, v)), true, p_user);
      insert into program_ownership (tenant_id, tracked_entity_id, program_id, owner_unit_id) values (p_tenant, person, p_program, p_unit);
      insert into ownership_change (tenant_id, tracked_entity_id, program_id, to_unit_id, changed_by) values (p_tenant, person, p_program, p_unit, p_user);
      insert into tracked_entity_attribute_value (tenant_id, tracked_entity_id, attribute_id, value)
        select p_tenant, person, a, v from unnest(p_attributes, vals) as t (a, v);
      insert into audit_event (tenant_id, actor_user_id, actor_name, action, subject_type, subject_id, person_id, program_id, org_unit_id, request_id, user_agent, details)
        values (p_tenant, p_user, p_name, 'record.registered', 'trackedEntity', person, person, null, p_unit, gen_random_uuid()::text, 'bench',
                jsonb_build_object('attributeIds', p_attributes));
      insert into enrollment (tenant_id, id, tracked_entity_id, program_id, org_unit_id, enrolled_on, created_by)
        values (p_tenant, enrolment, person, p_program, p_unit, current_date, p_user);
      insert into audit_event (tenant_id, actor_user_id, actor_name, action, subject_type, subject_id, person_id, program_id, org_unit_id, request_id, user_agent, details)
        values (p_tenant, p_user, p_name, 'enrollment.created', 'trackedEntity', person, person, p_program, p_unit, gen_random_uuid()::text, 'bench',
                jsonb_build_object('enrollmentId', enrolment));
      insert into event (tenant_id, id, enrollment_id, tracked_entity_id, program_id, stage_id, org_unit_id, occurred_on, values, created_by)
        values (p_tenant, visit, enrolment, person, p_program, p_stage, p_unit, current_date, jsonb_build_object(p_element, '3.1'), p_user);
      insert into audit_event (tenant_id, actor_user_id, actor_name, action, subject_type, subject_id, person_id, program_id, org_unit_id, request_id, user_agent, details)
        values (p_tenant, p_user, p_name, 'event.created', 'trackedEntity', person, person, p_program, p_unit, gen_random_uuid()::text, 'bench',
                jsonb_build_object('eventId', visit, 'enrollmentId', enrolment, 'stageId', p_stage));
    end $$`);
  await owner`grant usage on schema bench to canopy_app`;
  await owner`grant execute on function bench.capture_once(uuid, uuid, text, uuid, uuid, uuid, uuid, text, uuid[]) to canopy_app`;
}
