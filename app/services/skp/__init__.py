"""The SKP (RULES.md §1–§2): the plan's workflow (`plans`), editing its RHK and IKI (`plan_edit`,
with the checks in `plan_rules`), copying and comparing versions (`plan_copy`, `plan_diff`), the
RHK/IKI library (`library`), the organisation's own targets and results (`org_targets`) and the
cascading map (`cascade`, drawn from the plain data of `cascade_model`)."""
