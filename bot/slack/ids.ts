// Slack callback, block and action ids in one place (snake_case, suffixed by kind).

export const REPORT_STEP1_CALLBACK = "pmp_report_step1";
export const REPORT_STEP2_CALLBACK = "pmp_report_step2";
export const DECIDE_CALLBACK = "pmp_decide";

export const CLASS_BLOCK = "class_block";
export const CLASS_SELECT_ACTION = "class_select";
export const LEARNER_BLOCK = "learner_block";
export const LEARNER_SELECT_ACTION = "learner_select";
export const riskBlockId = (group: string) => `risks_${group}_block`;
export const RISK_SELECT_ACTION = "risks_select";
export const LOW_ATTAINMENT_BLOCK = "low_attainment_block";
export const LOW_ATTAINMENT_ACTION = "low_attainment_input";
export const OTHER_BLOCK = "other_block";
export const OTHER_ACTION = "other_input";
export const PARENTS_BLOCK = "parents_block";
export const PARENTS_ACTION = "parents_radio";
export const frequencyBlockId = (code: string) => `freq_${code}_block`;
export const FREQUENCY_ACTION = "frequency_select";

export const TAKE_CASE_ACTION = "take_case_button";
export const CONFIRM_CASE_ACTION = "confirm_case_button";
export const REJECT_CASE_ACTION = "reject_case_button";
export const INTENSITY_BLOCK = "intensity_block";
export const INTENSITY_ACTION = "intensity_select";
export const LEVEL_BLOCK = "level_block";
export const LEVEL_ACTION = "level_select";
export const REASON_BLOCK = "reason_block";
export const REASON_ACTION = "reason_input";

export const ABSENCE_CONTACTS_ACTION = "absence_contacts_button";
export const ABSENCE_CONTACTED_ACTIONS = {
  JUSTIFIED: "absence_contacted_justified",
  UNJUSTIFIED: "absence_contacted_unjustified",
  UNREACHABLE: "absence_contacted_unreachable",
} as const;
export const ABSENCE_VIIS_ACTION = "absence_viis_button";
export const ABSENCE_RESOLVED_ACTION = "absence_resolved_button";
export const ABSENCE_REFERRAL_SENT_ACTION = "absence_referral_sent_button";
export const ABSENCE_ACK_ACTION = "absence_ack_button";
export const ABSENCE_STEP_CALLBACK = "pmp_absence_step";
export const ABSENCE_TEXT_BLOCK = "absence_text_block";
export const ABSENCE_TEXT_ACTION = "absence_text_input";
