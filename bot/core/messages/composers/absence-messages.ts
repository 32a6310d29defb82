// Absence-escalation tasks and notices (MK 89 as schools apply it). Tasks go to the responsible person only and
// name the learner by pseudonymous code and class; people outside the school (municipality, social service)
// see the learner's public reference. Parents' contact details are never in a message: they open on request
// ("Show contacts"), privately and audited.

import {
  formatClass,
  formatLegalPoint,
  formatRigaDate,
  formatRigaDateTime,
  t,
  type Locale,
  type MessageKey,
} from "../../i18n.js";
import type { Message, Span } from "../model.js";
import { plain, strong, taskMessage, textMessage, tSpans } from "../spans.js";

export interface LearnerLabel {
  code: string;
  classLabel: string;
  schoolName: string;
}

/** Which learner and which escalation step a task's buttons act on (ids only). */
export interface StepRef {
  learnerId: string;
  stepKey: string;
}

/** What a task adds below its text: nobody on file, a provisional calendar, a calendar not loaded. */
export type StepNote = "noneOnFile" | "provisional" | "beyondCalendar";

/** Whom to reach, by relation (ContactRelation or LEARNER, as contactsToReach names them); never names or phones. */
function whomOf(locale: Locale, outOfFamilyCare: boolean, contacts?: readonly string[]): string {
  if (!contacts?.length) return t(locale, outOfFamilyCare ? "absence.whom.outOfFamily" : "absence.whom.parents");
  const list = contacts.map((relation) => t(locale, `relation.${relation}` as MessageKey)).join(", ");
  return t(locale, "absence.whom.list", { list });
}

const withNotes = (locale: Locale, spans: Span[], notes: readonly StepNote[] = []): Span[] =>
  notes.length ? [...spans, plain(` ${notes.map((n) => t(locale, `absence.note.${n}`)).join(" ")}`)] : spans;

/** Same-day parent (or carer) contact after an absence without information (MK 89 p.6). */
export function composeParentContactTask(input: {
  locale: Locale;
  learner: LearnerLabel;
  date: string;
  due: string | Date;
  outOfFamilyCare: boolean;
  legalPoint: string;
  step: StepRef;
  /** The relations to reach (contactsToReach); left out: the parents, or the out-of-family carers. */
  contacts?: readonly string[];
  notes?: readonly StepNote[];
}): Message {
  const { locale, learner, step } = input;
  const spans = withNotes(
    locale,
    tSpans(locale, "absence.parentContact", {
      learner: strong(learner.code),
      class: formatClass(learner.classLabel, locale),
      date: formatRigaDate(input.date, locale),
      whom: whomOf(locale, input.outOfFamilyCare, input.contacts),
      due: formatRigaDateTime(input.due, locale),
      point: formatLegalPoint(input.legalPoint, locale),
    }),
    input.notes,
  );
  const contacted = (outcome: "JUSTIFIED" | "UNJUSTIFIED" | "UNREACHABLE") =>
    ({ kind: "RECORD_PARENT_CONTACT", ...step, outcome }) as const;
  return taskMessage(spans, [
    { label: t(locale, "absence.showContacts"), style: "default", intent: { kind: "SHOW_CONTACTS", ...step } },
    { label: t(locale, "absence.outcome.JUSTIFIED"), style: "primary", intent: contacted("JUSTIFIED") },
    { label: t(locale, "absence.outcome.UNJUSTIFIED"), style: "default", intent: contacted("UNJUSTIFIED") },
    { label: t(locale, "absence.outcome.UNREACHABLE"), style: "danger", intent: contacted("UNREACHABLE") },
  ]);
}

/** Days that arrived late, in one contact: same buttons as the same-day contact. */
export function composeCatchUpContactTask(input: {
  locale: Locale;
  learner: LearnerLabel;
  dates: readonly string[];
  due: string | Date;
  outOfFamilyCare: boolean;
  legalPoint: string;
  step: StepRef;
  contacts?: readonly string[];
  notes?: readonly StepNote[];
}): Message {
  const { locale, learner, step } = input;
  const spans = withNotes(
    locale,
    tSpans(locale, "absence.catchUp", {
      learner: strong(learner.code),
      class: formatClass(learner.classLabel, locale),
      dates: input.dates.map((day) => formatRigaDate(day, locale)).join(", "),
      whom: whomOf(locale, input.outOfFamilyCare, input.contacts),
      due: formatRigaDateTime(input.due, locale),
      point: formatLegalPoint(input.legalPoint, locale),
    }),
    input.notes,
  );
  const contacted = (outcome: "JUSTIFIED" | "UNJUSTIFIED" | "UNREACHABLE") =>
    ({ kind: "RECORD_PARENT_CONTACT", ...step, outcome }) as const;
  return taskMessage(spans, [
    { label: t(locale, "absence.showContacts"), style: "default", intent: { kind: "SHOW_CONTACTS", ...step } },
    { label: t(locale, "absence.outcome.JUSTIFIED"), style: "primary", intent: contacted("JUSTIFIED") },
    { label: t(locale, "absence.outcome.UNJUSTIFIED"), style: "default", intent: contacted("UNJUSTIFIED") },
    { label: t(locale, "absence.outcome.UNREACHABLE"), style: "danger", intent: contacted("UNREACHABLE") },
  ]);
}

/** A correction lowered the count behind the VIIS entry: its holder sees the new count; the duty stands. */
export function composeAbsenceCountCorrected(
  input: { learner: LearnerLabel; count: number; legalPoint: string },
  locale: Locale,
): Message {
  return textMessage(
    tSpans(locale, "absence.countCorrected", {
      learner: strong(input.learner.code),
      class: formatClass(input.learner.classLabel, locale),
      count: input.count,
      point: formatLegalPoint(input.legalPoint, locale),
    }),
  );
}

/** Something a person must fix for a duty to go ahead (no contact on file, no calendar, unknown municipality). */
export function composeAbsenceAlert(
  input: {
    alert: "NO_CONTACT_ON_FILE" | "CALENDAR_MISSING" | "UNKNOWN_MUNICIPALITY";
    learner: string;
    classLabel: string;
    school: string;
    expected?: string;
    code?: string;
    legalPoint: string;
  },
  locale: Locale,
): Message {
  return textMessage(
    tSpans(locale, `absence.alert.${input.alert}`, {
      learner: input.learner,
      class: formatClass(input.classLabel, locale),
      school: input.school,
      expected: input.expected ?? "—",
      code: input.code ?? "—",
      point: formatLegalPoint(input.legalPoint, locale),
    }),
  );
}

/** The orphan's court hears that a child in its care has absences without information (MK 89 p.2). */
export function composeAbsenceCourtInformed(
  input: { learnerRef: string; school: string; legalPoint: string },
  locale: Locale,
): Message {
  return textMessage(
    tSpans(locale, "absence.informed.ORPHANS_COURT", {
      learner: input.learnerRef,
      school: input.school,
      point: formatLegalPoint(input.legalPoint, locale),
    }),
  );
}

/** The director enters the unexcused absences, their reasons and the remedial action in VIIS. */
export function composeViisTask(input: {
  locale: Locale;
  learner: LearnerLabel;
  count: number;
  legalPoint: string;
  step: StepRef;
  notes?: readonly StepNote[];
}): Message {
  const { locale, step } = input;
  const spans = withNotes(
    locale,
    tSpans(locale, "absence.viisEntry", {
      learner: strong(input.learner.code),
      class: formatClass(input.learner.classLabel, locale),
      count: input.count,
      point: formatLegalPoint(input.legalPoint, locale),
    }),
    input.notes,
  );
  return taskMessage(spans, [
    {
      label: t(locale, "absence.viisDone"),
      style: "primary",
      intent: { kind: "OPEN_STEP_FORM", ...step, form: "VIIS_ENTERED" },
    },
    { label: t(locale, "absence.resolved"), style: "default", intent: { kind: "RESOLVE_ABSENCES", ...step } },
  ]);
}

/** The school refers the unresolved absences to the social service, by e-signed document to its official e-mail. */
export function composeReferralTask(input: {
  locale: Locale;
  learner: LearnerLabel;
  email: string;
  legalPoint: string;
  step: StepRef;
}): Message {
  const { locale, step } = input;
  const spans = tSpans(locale, "absence.referral", {
    learner: strong(input.learner.code),
    class: formatClass(input.learner.classLabel, locale),
    email: input.email,
    point: formatLegalPoint(input.legalPoint, locale),
  });
  return taskMessage(spans, [
    {
      label: t(locale, "absence.referralSent"),
      style: "primary",
      intent: { kind: "OPEN_STEP_FORM", ...step, form: "REFERRAL_SENT" },
    },
  ]);
}

/** The social service acknowledges the school's referral; it knows the learner by public reference only. */
export function composeAcknowledgementTask(input: {
  locale: Locale;
  learnerRef: string;
  schoolName: string;
  due: string | Date;
  legalPoint: string;
  step: StepRef;
}): Message {
  const { locale, step } = input;
  const spans = tSpans(locale, "absence.ack", {
    learner: input.learnerRef,
    school: input.schoolName,
    due: formatRigaDateTime(input.due, locale),
    point: formatLegalPoint(input.legalPoint, locale),
  });
  return taskMessage(spans, [
    { label: t(locale, "absence.ackDone"), style: "primary", intent: { kind: "ACKNOWLEDGE_REFERRAL", ...step } },
  ]);
}

/** A task's reminder before its deadline. `learner` is the code at school, the public reference elsewhere. */
export function composeAbsenceReminder(input: { learner: string; due: string | Date }, locale: Locale): Message {
  return textMessage(
    tSpans(locale, "absence.reminder", { learner: input.learner, due: formatRigaDateTime(input.due, locale) }),
  );
}

/** A missed deadline, to the role the rules escalate to. */
export function composeAbsenceOverdue(
  input: { learner: string; school: string; due: string | Date; legalPoint: string },
  locale: Locale,
): Message {
  return textMessage(
    tSpans(locale, "absence.overdue", {
      due: formatRigaDateTime(input.due, locale),
      learner: input.learner,
      school: input.school,
      point: formatLegalPoint(input.legalPoint, locale),
    }),
  );
}

/** For information (e.g. the municipality's education board): a learner passed the semester threshold. */
export function composeAbsenceInformed(
  input: { learnerRef: string; school: string; count: number; legalPoint: string },
  locale: Locale,
): Message {
  return textMessage(
    tSpans(locale, "absence.informed", {
      learner: input.learnerRef,
      school: input.school,
      count: input.count,
      point: formatLegalPoint(input.legalPoint, locale),
    }),
  );
}

/** To the inter-institutional group's channel: the learner is on its next meeting's agenda. */
export function composeAbsenceAgenda(
  input: { learnerRef: string; school: string; count: number },
  locale: Locale,
): Message {
  return textMessage(
    tSpans(locale, "absence.agenda", { learner: input.learnerRef, school: input.school, count: input.count }),
  );
}

/** The calendar watchdog, to the municipal education specialist: next school year's calendar is missing. */
export function composeCalendarMissing(input: { schoolYear: string }, locale: Locale): Message {
  return textMessage(tSpans(locale, "absence.calendarMissing", { year: input.schoolYear }));
}
